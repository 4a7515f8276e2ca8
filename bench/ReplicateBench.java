import dev.glaze.core.Cloud;
import dev.glaze.core.auth.Authenticators;
import dev.glaze.core.images.Image;
import dev.glaze.core.replication.Replication;
import dev.glaze.core.replication.ReplicationReport;
import dev.glaze.core.replication.ReplicationReport.Outcome;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The client's side of bench/replicate.sh, one run per JVM, printed as "key=value" lines (the report's table goes
 * to REPORT_FILE).
 *
 *   java -cp <core and its dependencies> ReplicateBench replicate URL SOURCE TARGETS PREFIX CONCURRENCY REPORT_FILE
 *       signs in to the embedded service's identity (which answers with a catalog of its regions), takes the images
 *       of region SOURCE whose names start with PREFIX and replicates them to TARGETS (comma-separated), as the
 *       Groovy API does: images.findAll { it.name.startsWith(PREFIX) }.replicate(to: [...], concurrency: N)
 *   ... verify URL SOURCE TARGETS PREFIX
 *       checks, in a fresh JVM whose requests are not counted, that each target has exactly one active image of each
 *       source's name with the same size, checksum (MD5) and os_hash_value; prints the sources' MD5s
 *
 * Requests are counted from the library's HTTP log (one line per request sent, retries included), which sees every
 * request the library makes, sign-in included; bytes from /proc/self/io (rchar/wchar: every read and write system
 * call, sockets included).
 */
public class ReplicateBench {
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "replicate" -> replicate(args[1], args[2], List.of(args[3].split(",")), args[4],
                    Integer.parseInt(args[5]), Path.of(args[6]));
            case "verify" -> verify(args[1], args[2], List.of(args[3].split(",")), args[4]);
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    static Cloud connect(String url, String region, dev.glaze.core.internal.http.HttpLog log) {
        Cloud.Builder b = Cloud.builder().name("local").region(region)
                .authenticator(Authenticators.rackspaceApiKey(url + "/v2.0", "local", "no-key-needed"));
        if (log != null) {
            b.httpLog(log);
        }
        return b.build();
    }

    static void replicate(String url, String source, List<String> targets, String prefix, int concurrency,
            Path reportFile) throws IOException {
        LongAdder requests = new LongAdder();
        LongAdder notOk = new LongAdder();
        Map<String, LongAdder> notOkByKind = new ConcurrentHashMap<>();
        Map<String, LongAdder> byKind = new ConcurrentHashMap<>();
        Cloud cloud = connect(url, source, line -> {
            if (line.startsWith("> ")) {
                requests.increment();
                String[] parts = line.split(" ", 4);
                byKind.computeIfAbsent(parts[1] + " " + kind(parts[2]), k -> new LongAdder()).increment();
            } else if (line.startsWith("< ")) {
                String[] parts = line.split(" ", 5);
                if (!parts[1].startsWith("2")) {
                    notOk.increment();
                    notOkByKind.computeIfAbsent(parts[1] + " " + parts[2] + " " + kind(parts[3]),
                            k -> new LongAdder()).increment();
                }
            }
        });
        resetPeaks();
        long[] io0 = io();
        long start = System.nanoTime();
        List<Image> images = cloud.images().filter(i -> i.getName().startsWith(prefix)).toList();
        ReplicationReport report = Replication.of(images, Map.of("to", targets, "concurrency", concurrency)).run();
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] io1 = io();
        Files.writeString(reportFile, report.toString());
        long bytes = images.stream().mapToLong(i -> i.getSize() == null ? 0 : i.getSize()).sum();
        System.out.println("plugins=" + String.join(",", cloud.plugins().ids()));
        System.out.println("images=" + images.size());
        System.out.println("image_bytes=" + bytes);
        System.out.printf("seconds=%.1f%n", seconds);
        System.out.println("rows=" + report.getRows().size());
        System.out.println("ok=" + report.isOk());
        for (Outcome o : Outcome.values()) {
            System.out.println(o.name().toLowerCase() + "=" + report.count(o));
        }
        System.out.println("requests=" + requests.sum());
        System.out.println("not_2xx=" + notOk.sum());
        System.out.println("requests_by_kind=" + breakdown(byKind));
        System.out.println("not_2xx_by_kind=" + breakdown(notOkByKind));
        System.out.println("rchar=" + (io1[0] - io0[0]));
        System.out.println("wchar=" + (io1[1] - io0[1]));
        System.out.println("peak_heap_mib=" + peakHeapMiB());
        System.out.println("peak_threads=" + ManagementFactory.getThreadMXBean().getPeakThreadCount());
        for (var row : report.getFailed()) {
            System.out.println("failed_row=" + row.image() + " " + row.target() + ": " + row.note());
        }
        Cloud.shutdownForExit();
    }

    static String breakdown(Map<String, LongAdder> counts) {
        Map<String, Long> sorted = new TreeMap<>();
        counts.forEach((k, v) -> sorted.put(k, v.sum()));
        StringBuilder out = new StringBuilder();
        sorted.forEach((k, v) -> out.append(out.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        return out.toString();
    }

    /** What a request's URL asks for, without ids: "images", "image data", "tasks", "object", "identity"... */
    static String kind(String url) {
        String path = url.replaceFirst("^https?://[^/]+", "").replaceFirst("\\?.*", "");
        if (path.contains("/v2.0/tokens") || path.contains("/v3/auth")) return "identity";
        if (path.contains("/v1/")) {
            long depth = path.substring(path.indexOf("/v1/") + 4).chars().filter(c -> c == '/').count();
            return depth >= 2 ? "object" : depth == 1 ? "container" : "account";
        }
        if (path.matches(".*/v2/images/[^/]+/file")) return "image-data";
        if (path.matches(".*/v2/images/[^/]+/tags/.*")) return "tag";
        if (path.matches(".*/v2/images/[^/]+")) return "image";
        if (path.endsWith("/v2/images")) return "images";
        if (path.matches(".*/v2/tasks/[^/]+")) return "task";
        if (path.endsWith("/v2/tasks")) return "tasks";
        if (path.contains("/v2/schemas")) return "schema";
        return path;
    }

    static void verify(String url, String source, List<String> targets, String prefix) {
        Cloud cloud = connect(url, source, null);
        List<Image> sources = cloud.images().filter(i -> i.getName().startsWith(prefix)).toList();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String region : targets) {
            Map<String, List<Image>> there = new TreeMap<>();
            for (Image i : cloud.region(region).images().filter(i -> i.getName().startsWith(prefix))) {
                there.computeIfAbsent(i.getName(), k -> new ArrayList<>()).add(i);
            }
            for (Image s : sources) {
                List<Image> copies = there.getOrDefault(s.getName(), List.of());
                if (copies.size() != 1) {
                    problems.add(region + " has " + copies.size() + " images named " + s.getName());
                    continue;
                }
                Image c = copies.get(0);
                if (!"active".equals(c.getStatus()) || !s.getSize().equals(c.getSize())
                        || !s.getChecksum().equals(c.getChecksum())
                        || !String.valueOf(s.getOsHashValue()).equals(String.valueOf(c.getOsHashValue()))
                        || !new java.util.HashSet<>(s.getTags()).equals(new java.util.HashSet<>(c.getTags()))
                        || !Objects.equals(s.custom().get("bench_index"), c.custom().get("bench_index"))) {
                    problems.add(region + " " + s.getName() + ": " + c.getStatus() + " " + c.getSize() + " "
                            + c.getChecksum() + " " + c.getTags() + ", source " + s.getSize() + " " + s.getChecksum());
                    continue;
                }
                checked++;
            }
            if (there.size() != sources.size()) {
                problems.add(region + " has " + there.size() + " names, the source " + sources.size());
            }
        }
        System.out.println("sources=" + sources.size());
        System.out.println("copies_verified=" + checked);
        for (Image s : sources) {
            System.out.println("md5 " + s.getName() + " " + s.getChecksum() + " " + s.getOsHashAlgo());
        }
        problems.forEach(p -> System.out.println("problem=" + p));
        Cloud.shutdownForExit();
    }

    /** rchar and wchar of this process. */
    static long[] io() throws IOException {
        long[] out = new long[2];
        for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
            String[] kv = line.split(":\\s*");
            if (kv[0].equals("rchar")) out[0] = Long.parseLong(kv[1].trim());
            if (kv[0].equals("wchar")) out[1] = Long.parseLong(kv[1].trim());
        }
        return out;
    }

    static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        ManagementFactory.getThreadMXBean().resetPeakThreadCount();
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
