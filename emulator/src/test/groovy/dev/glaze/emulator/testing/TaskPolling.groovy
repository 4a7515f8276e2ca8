package dev.glaze.emulator.testing

/** Waits for tasks to end, as a client polls them. */
class TaskPolling {
    /** Polls the task until it is success or failure (or the time is up) and returns its last JSON. */
    static Map await(Target target, String id, Map<String, String> headers = [:], long timeoutMillis = 30_000) {
        long deadline = System.currentTimeMillis() + timeoutMillis
        Map task
        while (true) {
            def r = target.get("/v2/tasks/${id}", headers)
            assert r.status == 200: "task ${id} on ${target}: ${r}"
            task = r.json as Map
            if (task.status in ['success', 'failure'] || System.currentTimeMillis() > deadline) {
                return task
            }
            Thread.sleep(50)
        }
    }

    /** Every status the task shows while polled closely until it ends, in order, without repeats. */
    static List<String> statusesSeen(Target target, String id, long timeoutMillis = 30_000) {
        long deadline = System.currentTimeMillis() + timeoutMillis
        List<String> seen = []
        while (System.currentTimeMillis() < deadline) {
            String status = target.get("/v2/tasks/${id}").json.status
            if (seen.isEmpty() || seen.last() != status) {
                seen << status
            }
            if (status in ['success', 'failure']) {
                break
            }
            Thread.sleep(20)
        }
        seen
    }
}
