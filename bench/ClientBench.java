import dev.glaze.core.Cloud;
import dev.glaze.core.images.Image;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client library's side of bench/client.sh: one measurement per run, printed as "key=value" lines.
 *
 *   java -cp <core and its dependencies> bench/ClientBench.java list URL PAGE_SIZE
 */
public class ClientBench {
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "list" -> list(args[1], Integer.parseInt(args[2]));
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
