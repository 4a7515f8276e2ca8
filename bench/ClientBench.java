import dev.glaze.core.Cloud;
import dev.glaze.core.images.Image;
import dev.glaze.core.images.TransferProgress;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client library's side of bench/client.sh: one measurement per run, printed as "key=value" lines.
 *
 *   java -cp <core and its dependencies> bench/ClientBench.java list URL PAGE_SIZE
 *   ... download URL IMAGE_ID FILE [noverify]  (streamed, verified against os_hash_value unless noverify)
 *   ... awaits URL N                     (rackspace profile: N import tasks of one small object, awaited at once)
 *   ... upload URL FILE [noverify]      (creates a raw/bare image, streams the file, compares the hashes)
 */
public class ClientBench {
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "list" -> list(args[1], Integer.parseInt(args[2]));
            case "download" -> download(args[1], args[2], args[3], args.length < 5 || !args[4].equals("noverify"));
            case "awaits" -> awaits(args[1], Integer.parseInt(args[2]));
            case "upload" -> upload(args[1], args[2], args.length < 4 || !args[3].equals("noverify"));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    static void list(String url, int pageSize) {
        AtomicInteger requests = new AtomicInteger();
        Cloud cloud = Cloud.builder().endpoint(url).project("local")
                .httpLog(line -> { if (line.startsWith("> GET")) requests.incrementAndGet(); }).build();
        resetPeaks();
        long start = System.nanoTime();
        int count = 0;
        long bytes = 0;
        for (Image image : cloud.images().where(Map.of("limit", pageSize))) {
            count++;
            bytes += image.getName().length();
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("images=" + count);
        System.out.println("ms=" + ms);
        System.out.println("requests=" + requests.get());
        System.out.println("peak_heap_mib=" + peakHeapMiB());
        if (bytes < 0) System.out.println();
    }

    static void download(String url, String id, String file, boolean verify) {
        Cloud cloud = Cloud.builder().endpoint(url).project("local").build();
        Image image = cloud.images().byId(id);
        long start = System.nanoTime();
        final TransferProgress[] last = new TransferProgress[1];
        cloud.images().byId(id).download(java.nio.file.Path.of(file),
                dev.glaze.core.images.DownloadOptions.builder().verify(verify).progress(p -> last[0] = p).build());
        report(start, image.getSize());
        System.out.println("verified=" + last[0].getVerifiedWith());
    }

    static void upload(String url, String file, boolean verify) throws Exception {
        Cloud cloud = Cloud.builder().endpoint(url).project("local").build();
        Image image = cloud.images().create(Map.of("name", "bench-upload", "disk_format", "raw",
                "container_format", "bare"));
        long start = System.nanoTime();
        image.upload(java.nio.file.Path.of(file), dev.glaze.core.images.UploadOptions.builder().verify(verify).build());
        report(start, image.getSize());
        System.out.println("id=" + image.getId());
    }

    static void report(long startNanos, long bytes) {
        double s = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf("seconds=%.2f%n", s);
        System.out.printf("mib_per_s=%.0f%n", bytes / s / (1 << 20));
        System.out.println("peak_heap_mib=" + peakHeapMiB());
    }

    static void awaits(String url, int n) throws Exception {
        Cloud cloud = Cloud.builder().endpoint(url).project("local")
                .objectStore(java.net.URI.create(url + "/v1/AUTH_local")).build();
        var container = cloud.containers().create("bench");
        byte[] data = new byte[64 * 1024];
        new java.util.Random(1).nextBytes(data);
        container.upload("small.vhd", new java.io.ByteArrayInputStream(data), data.length);
        AtomicInteger polls = new AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger pollThreads = new AtomicInteger();
        var threads = ManagementFactory.getThreadMXBean();
        threads.resetPeakThreadCount();
        var sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                int count = 0;
                for (Thread t : Thread.getAllStackTraces().keySet()) {
                    if (t.getName().startsWith("glaze-tasks-")) count++;
                }
                pollThreads.accumulateAndGet(count, Math::max);
                try { Thread.sleep(50); } catch (InterruptedException e) { return; }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        java.util.List<dev.glaze.core.tasks.Task> tasks = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            tasks.add(cloud.tasks().importImage(Map.of("from", "bench/small.vhd", "name", "awaited-" + i)));
        }
        var options = dev.glaze.core.tasks.AwaitOptions.builder().poll(java.time.Duration.ofMillis(500))
                .maxPoll(java.time.Duration.ofSeconds(5)).timeout(java.time.Duration.ofMinutes(10))
                .onPoll(t -> polls.incrementAndGet()).build();
        var summary = cloud.tasks().awaitAll(tasks, options);
        double s = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        System.out.println("succeeded=" + summary.getSucceeded().size());
        System.out.println("failed=" + (summary.getTotal() - summary.getSucceeded().size()));
        System.out.printf("seconds=%.1f%n", s);
        System.out.println("poll_threads=" + pollThreads.get());
        System.out.println("peak_threads=" + threads.getPeakThreadCount());
        System.out.printf("polls_per_task=%.1f%n", polls.get() / (double) n);
    }

    static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    static long peakHeapMiB() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }
}
