package dev.glaze.core.prune;

import dev.glaze.core.GlazeException;
import dev.glaze.core.ServiceProfile;
import dev.glaze.core.images.Image;
import dev.glaze.core.images.Images;
import dev.glaze.core.images.Member;
import dev.glaze.core.internal.NamedArguments;
import dev.glaze.core.prune.PruneReport.Decision;
import dev.glaze.core.prune.PruneReport.Row;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Keeps the newest images of a series of builds (names matching a pattern) and deletes the older ones, never one
 * that is protected, in use, or another project's. Only the images that could be deleted count towards
 * {@link #keep(int)}: the others stay anyway, each for its own reason.
 *
 * <pre>{@code
 * PruneReport report = Prune.of(cloud.images()).matching("web-\\d+").keep(3).dryRun(true).run();
 * System.out.print(report);
 * }</pre>
 *
 * Only active images are pruned; one not active yet (queued, saving, importing) or killed is kept and listed, as
 * the stale-images script's to judge. In use means: shared with a project that accepted it (on Rackspace, a private
 * image with members), public or community (anyone may boot it), or whatever {@link #inUse(Predicate)} says (the image service cannot see which servers run an image; give it the image ids
 * of your servers). Newest is by creation time, then by the numbers in the name ({@code web-10} after
 * {@code web-9}) for builds made within the same second.
 */
public final class Prune {
    private static final Set<String> EVERYONE = Set.of("public", "community");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private final Images images;
    private Pattern pattern;
    private int keep = 3;
    private boolean dryRun;
    private Predicate<Image> inUse = image -> false;

    private Prune(Images images) {
        this.images = Objects.requireNonNull(images, "images");
    }

    /** Prunes among {@code images} (a listing, maybe filtered: {@code images.where(tag: 'ci')}). */
    public static Prune of(Images images) {
        return new Prune(images);
    }

    /**
     * From named arguments, as {@code images.prune(...)} takes them in Groovy: {@code matching} (a regular
     * expression the whole name must match, or a {@code Pattern}), {@code keep}, {@code dryRun} (snake_case too)
     * and {@code inUse} (a predicate, or a collection of image ids).
     */
    public static Prune of(Images images, Map<String, ?> args) {
        Prune p = of(images);
        args.forEach((k, v) -> {
            String key = String.valueOf(k);
            switch (key.replace("_", "").toLowerCase(Locale.ROOT)) {
                case "matching": p.matching(v instanceof Pattern pat ? pat : Pattern.compile(String.valueOf(v))); break;
                case "keep": p.keep(NamedArguments.wholeNumber(v).orElseThrow(() ->
                        new GlazeException("prune keep: a whole number, not '" + v + "'"))); break;
                case "dryrun": p.dryRun(NamedArguments.flag(v).orElseThrow(() ->
                        new GlazeException("dryRun takes true or false, not '" + v + "'"))); break;
                case "inuse": p.inUse(inUseFrom(v)); break;
                default: throw new GlazeException("prune does not know '" + key + "': use matching, keep, dryRun, inUse");
            }
        });
        return p;
    }

    @SuppressWarnings("unchecked")
    private static Predicate<Image> inUseFrom(Object v) {
        if (v instanceof Predicate<?> p) {
            return (Predicate<Image>) p;
        }
        if (v instanceof Collection<?> ids) {
            Set<String> set = ids.stream().map(String::valueOf).collect(Collectors.toSet());
            return image -> set.contains(image.getId());
        }
        throw new GlazeException("prune inUse: takes a predicate of an image or a collection of image ids, not " + v);
    }

    /** The series: images whose whole name matches {@code regex}, e.g. {@code web-\d+}. */
    public Prune matching(String regex) {
        return matching(Pattern.compile(regex));
    }

    public Prune matching(Pattern pattern) {
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        return this;
    }

    /** How many of the newest deletable images to keep (default 3; at least 1). */
    public Prune keep(int n) {
        if (n < 1) {
            throw new GlazeException("prune keep must be 1 or more, not " + n + " (to delete every image of a series,"
                    + " delete them: images.findAll { ... }*.delete())");
        }
        this.keep = n;
        return this;
    }

    /** Only says what would be deleted. */
    public Prune dryRun(boolean dry) {
        this.dryRun = dry;
        return this;
    }

    /** Also keeps the images for which {@code test} is true (e.g. those your servers run). */
    public Prune inUse(Predicate<Image> test) {
        this.inUse = this.inUse.or(Objects.requireNonNull(test, "test"));
        return this;
    }

    /** Decides, deletes unless a dry run, and reports; a refused deletion is its row's reason, the others go on. */
    public PruneReport run() {
        if (pattern == null) {
            throw new GlazeException("prune needs matching: the pattern of one series of build names, e.g. "
                    + "images.prune(matching: /web-\\d+/, keep: 3)");
        }
        String project = images.getCloud().getProjectId().orElseThrow(() -> new GlazeException("prune needs to know"
                + " this cloud's project, to tell its own images from those others share with it: use a cloud with"
                + " a project (clouds.yaml project_name or project_id)"));
        List<Image> series = new ArrayList<>();
        images.forEach(image -> {
            if (image.getName() != null && pattern.matcher(image.getName()).matches()) {
                series.add(image);
            }
        });
        series.sort(NEWEST_FIRST);
        // every decision first, then the deletions: a check that throws stops the run before anything is deleted
        Map<Image, String> kept = new java.util.LinkedHashMap<>();
        int newest = 0;
        for (Image image : series) {
            String why = whyKept(image, project);
            if (why == null && newest < keep) {
                newest++;
                why = "one of the " + keep + " newest";
            }
            kept.put(image, why);
        }
        List<Row> rows = new ArrayList<>();
        kept.forEach((image, why) -> rows.add(why != null ? row(image, Decision.KEEP, why) : delete(image)));
        return new PruneReport(rows, dryRun);
    }

    private String whyKept(Image image, String project) {
        if (image.isProtected()) {
            return "protected";
        }
        if (image.getOwner() != null && !image.getOwner().equals(project)) {
            return "owned by project " + image.getOwner();
        }
        if (!"active".equals(image.getStatus())) {
            // only builds that can be booted count; an unfinished one may still be on its way
            return "not active (" + image.getStatus() + ")";
        }
        if (EVERYONE.contains(image.getVisibility())) {
            return "in use: " + image.getVisibility() + ", anyone may boot it";
        }
        // upstream Glance has members only for shared images; Rackspace shares private images by their members
        boolean mayHaveMembers = "shared".equals(image.getVisibility())
                || image.getCloud().getProfile() == ServiceProfile.RACKSPACE && "private".equals(image.getVisibility());
        if (mayHaveMembers) {
            try {
                List<String> accepted = image.getMembers().stream().filter(m -> "accepted".equals(m.getStatus()))
                        .map(Member::getMemberId).toList();
                if (!accepted.isEmpty()) {
                    return "in use: shared with " + String.join(", ", accepted);
                }
            } catch (RuntimeException e) {
                return "its members could not be read (" + e.getMessage() + ")";
            }
        }
        try {
            return inUse.test(image) ? "in use" : null;
        } catch (RuntimeException e) {
            return "in use? the inUse check failed: " + e.getMessage();
        }
    }

    private Row delete(Image image) {
        if (dryRun) {
            return row(image, Decision.WOULD_DELETE, "older than the " + keep + " newest");
        }
        try {
            image.delete();
            return row(image, Decision.DELETED, "older than the " + keep + " newest");
        } catch (RuntimeException e) {
            return row(image, Decision.FAILED, e.getMessage());
        }
    }

    private static Row row(Image image, Decision decision, String reason) {
        return new Row(image.getName(), image.getId(), image.getCreatedAt(), decision, reason);
    }

    private static final Comparator<Image> NEWEST_FIRST = Comparator
            .comparing(Image::getCreatedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(image -> numbersPadded(image.getName()))
            .reversed();

    /** {@code web-9} → {@code web-000000000009}, so that names compare as their numbers do. */
    private static String numbersPadded(String name) {
        Matcher m = NUMBER.matcher(name);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, "0".repeat(Math.max(0, 19 - m.group().length())) + m.group());
        }
        m.appendTail(out);
        return out.toString();
    }
}
