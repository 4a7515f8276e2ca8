package dev.glaze.core.replication;

import dev.glaze.core.Cloud;
import dev.glaze.core.GlazeException;
import dev.glaze.core.images.Image;
import dev.glaze.core.internal.NamedArguments;
import dev.glaze.core.replication.ReplicationReport.Outcome;
import dev.glaze.core.replication.ReplicationReport.Row;
import dev.glaze.core.tasks.AwaitOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes the same images exist in other regions and clouds, since images cannot be moved: for each image and
 * target, an identical image there (same name, size and hash, active) is kept as it is; otherwise the image's data
 * goes there — on Rackspace by export to Cloud Files, a streamed copy of the object between the regions' stores
 * and an import; elsewhere by a verified download and an upload — then the name, tags, custom properties and
 * minimums are applied and the size and hash compared. A second run does nothing.
 *
 * <pre>{@code
 * ReplicationReport report = Replication.of(List.of(image))
 *         .to(List.of(cloud.region("ORD"), cloud.region("IAD")))
 *         .concurrency(4)
 *         .run();
 * System.out.print(report);
 * }</pre>
 *
 * Images and targets run concurrently, at most {@link #concurrency(int)} at once; each image's data is fetched once
 * for all its targets, and deleted again (export object, temporary file) once its last target is done. A failure in one target is its row's note and does not stop the others; a copy that
 * arrived wrong is deleted again.
 */
public final class Replication {
    static final String DEFAULT_CONTAINER = "glaze-replication";

    private final List<Image> images;
    private final List<Cloud> targets = new ArrayList<>();
    private int concurrency = 4;
    private String container = DEFAULT_CONTAINER;
    private boolean keepObjects;
    private boolean dryRun;
    private AwaitOptions await = AwaitOptions.defaults();

    private Replication(List<Image> images) {
        this.images = List.copyOf(images);
    }

    /** The images to replicate, each from the cloud and region it was read from. */
    public static Replication of(List<Image> images) {
        Objects.requireNonNull(images, "images");
        return new Replication(images);
    }

    /**
     * From named arguments, as {@code image.replicate(...)} takes them in Groovy: {@code to} (region names of the
     * images' cloud, or {@code Cloud}s; one or a list), {@code concurrency}, {@code container}, {@code keepObjects},
     * {@code dryRun} (snake_case too) and {@code timeout} (of each task's wait).
     */
    public static Replication of(List<Image> images, Map<String, ?> args) {
        Replication r = of(images);
        args.forEach((k, v) -> {
            String key = String.valueOf(k);
            switch (key.replace("_", "").toLowerCase(java.util.Locale.ROOT)) {
                case "to": r.to(r.resolve(v)); break;
                case "concurrency": r.concurrency(NamedArguments.wholeNumber(v).orElseThrow(() ->
                        new GlazeException("replicate concurrency: a whole number, not '" + v + "'"))); break;
                case "container": r.container(String.valueOf(v)); break;
                case "keepobjects": r.keepObjects(flag(key, v)); break;
                case "dryrun": r.dryRun(flag(key, v)); break;
                case "timeout": r.await(AwaitOptions.from(Map.of("timeout", v))); break;
                default: throw new GlazeException("replicate does not know '" + key + "': use to, concurrency,"
                        + " container, keepObjects, dryRun, timeout");
            }
        });
        return r;
    }

    /** true or false only: a dry run asked for as "yes" must not copy for real. */
    private static boolean flag(String key, Object v) {
        return NamedArguments.flag(v).orElseThrow(() -> new GlazeException("replicate " + key + ": true or false, not '"
                + v + "'"));
    }

    private List<Cloud> resolve(Object to) {
        List<Cloud> out = new ArrayList<>();
        Iterable<?> items = to instanceof Iterable<?> it ? it : List.of(to);
        for (Object item : items) {
            if (item instanceof Cloud c) {
                out.add(c);
            } else if (item instanceof CharSequence region) {
                if (images.isEmpty()) {
                    continue;
                }
                out.add(images.get(0).getCloud().region(region.toString()));
            } else {
                throw new GlazeException("replicate to: takes region names or clouds, not " + item);
            }
        }
        return out;
    }

    /** Where to: other regions ({@code cloud.region("ORD")}) or other clouds. */
    public Replication to(List<Cloud> more) {
        targets.addAll(more);
        return this;
    }

    /** At most this many image-and-target copies at once (default 4). */
    public Replication concurrency(int n) {
        if (n < 1) {
            throw new GlazeException("concurrency must be 1 or more, not " + n);
        }
        this.concurrency = n;
        return this;
    }

    /** The object-store container exports and copies go through (default {@value #DEFAULT_CONTAINER}). */
    public Replication container(String name) {
        this.container = Objects.requireNonNull(name, "container");
        return this;
    }

    /** Keeps the exported and copied objects in the stores afterwards (by default they are deleted). */
    public Replication keepObjects(boolean keep) {
        this.keepObjects = keep;
        return this;
    }

    /** Only finds out what would be copied: nothing is exported, copied or created. */
    public Replication dryRun(boolean dry) {
        this.dryRun = dry;
        return this;
    }

    /** How tasks are awaited (timeouts, polling). */
    public Replication await(AwaitOptions options) {
        this.await = Objects.requireNonNull(options, "await");
        return this;
    }

    /** Runs every image to every target; returns when all are done. */
    public ReplicationReport run() {
        if (targets.isEmpty() && !images.isEmpty()) {
            throw new GlazeException("replicate needs somewhere to go: give to: ['ORD', ...] (regions) or clouds");
        }
        if (images.isEmpty()) {
            return new ReplicationReport(List.of());
        }
        // the same target or image twice would make two copies: both would look before either made one
        Map<String, Cloud> uniqueTargets = new LinkedHashMap<>();
        targets.forEach(t -> uniqueTargets.putIfAbsent(t.getImageEndpoint() + " " + t.getRegion().orElse(""), t));
        Map<String, Image> uniqueImages = new LinkedHashMap<>();
        images.forEach(i -> uniqueImages.putIfAbsent(i.getCloud().getImageEndpoint() + " " + i.getId(), i));
        SourceData data = new SourceData(container, await);
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(
                Math.min(concurrency, uniqueImages.size() * uniqueTargets.size()),
                r -> {
                    Thread t = new Thread(r, "glaze-replicate-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        try {
            Map<Future<Row>, String[]> jobs = new LinkedHashMap<>();
            for (Image image : uniqueImages.values()) {
                // the image's data goes as soon as its last target is done: a run of many images never holds
                // every export in the source's store at once
                AtomicInteger targetsLeft = new AtomicInteger(uniqueTargets.size());
                for (Cloud target : uniqueTargets.values()) {
                    jobs.put(pool.submit(() -> {
                        try {
                            return copy(image, target, data);
                        } finally {
                            if (targetsLeft.decrementAndGet() == 0 && !keepObjects) {
                                data.release(image);
                            }
                        }
                    }), new String[] {image.getName(), image.getId(), target.getDisplayName()});
                }
            }
            List<Row> rows = new ArrayList<>();
            for (Map.Entry<Future<Row>, String[]> job : jobs.entrySet()) {
                rows.add(outcomeOf(job.getKey(), job.getValue()));
            }
            return new ReplicationReport(rows);
        } finally {
            pool.shutdownNow();
            if (!keepObjects) {
                data.cleanUp();
            }
        }
    }

    private static Row outcomeOf(Future<Row> job, String[] what) {
        try {
            return job.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GlazeException("replication interrupted; the tasks it started keep running on the service", e);
        } catch (ExecutionException e) {
            return new Row(what[0], what[1], what[2], Outcome.FAILED, null, Duration.ZERO,
                    String.valueOf(e.getCause().getMessage()));
        }
    }

    private Row copy(Image image, Cloud target, SourceData data) {
        long start = System.nanoTime();
        String where = target.getDisplayName();
        try {
            if (!"active".equals(image.getStatus())) {
                return row(image, where, Outcome.FAILED, null, start,
                        "only active images can be replicated; this one is " + image.getStatus());
            }
            Image identical = Identical.find(image, target);
            if (identical != null) {
                return row(image, where, Outcome.SKIPPED, identical.getId(), start,
                        Delivery.bringUpToDate(image, identical, dryRun));
            }
            if (dryRun) {
                return row(image, where, Outcome.WOULD_COPY, null, start, "");
            }
            Delivery.Result made = new Delivery(container, keepObjects, await).deliver(image, data, target);
            return row(image, where, Outcome.COPIED, made.image().getId(), start, made.note());
        } catch (GlazeException e) {
            return row(image, where, Outcome.FAILED, null, start, e.getMessage());
        } catch (RuntimeException e) {
            return row(image, where, Outcome.FAILED, null, start, e.toString());
        }
    }

    private static Row row(Image image, String target, Outcome outcome, String id, long start, String note) {
        return new Row(image.getName(), image.getId(), target, outcome, id,
                Duration.ofNanos(System.nanoTime() - start), note == null ? "" : note);
    }
}
