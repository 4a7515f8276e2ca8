package dev.glaze.core.tasks;

import dev.glaze.core.GlazeException;
import dev.glaze.core.ServiceProfile;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How to wait for a task: for how long ({@code timeout}, default 1 hour), how often to look (from {@code poll},
 * growing by {@code factor} up to {@code maxPoll}, each wait varied by ±{@code jitter} so many waits spread out),
 * what to tell along the way ({@code onPoll}) and how many times to run a task again when it failed in a way the
 * cloud's {@link dev.glaze.core.spi.TaskFlow} calls transient ({@code retryTransient}, default 1).
 *
 * <p>Polling defaults follow the cloud: Rackspace asks for no more than one look every 30 s, so there it starts at
 * 5 s and grows to 30 s; elsewhere from 2 s to 15 s.
 *
 * <pre>{@code
 * AwaitOptions o = AwaitOptions.builder().timeout(Duration.ofMinutes(30)).onPoll(t -> log(t.getStatus())).build();
 * AwaitOptions same = AwaitOptions.from(Map.of("timeout", "30m"));   // Groovy: task.await(timeout: 30.minutes)
 * }</pre>
 *
 * Durations in maps may be a {@link Duration}, a number of seconds, text such as {@code 500ms}, {@code 30s},
 * {@code 5m}, {@code 2h} or {@code PT5M}, or a Groovy {@code TimeDuration}. Immutable.
 */
public final class AwaitOptions {
    private static final AwaitOptions DEFAULTS = builder().build();
    private static final List<String> KEYS = List.of("timeout", "poll", "maxPoll", "factor", "jitter", "onPoll",
            "retryTransient");
    private static final Pattern SHORT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)");

    private final Duration timeout;
    private final Duration poll;
    private final Duration maxPoll;
    private final double factor;
    private final double jitter;
    private final Consumer<Task> onPoll;
    private final int retryTransient;

    private AwaitOptions(Builder b) {
        this.timeout = b.timeout;
        this.poll = b.poll;
        this.maxPoll = b.maxPoll;
        this.factor = b.factor;
        this.jitter = b.jitter;
        this.onPoll = b.onPoll;
        this.retryTransient = b.retryTransient;
    }

    public static AwaitOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** From named arguments: {@code timeout poll maxPoll factor jitter onPoll retryTransient} (snake_case too). */
    public static AwaitOptions from(Map<String, ?> args) {
        Builder b = builder();
        if (args == null) {
            return b.build();
        }
        args.forEach((k, v) -> {
            String key = String.valueOf(k);
            switch (key.replace("_", "").toLowerCase(Locale.ROOT)) {
                case "timeout": b.timeout(duration(key, v)); break;
                case "poll": b.poll(duration(key, v)); break;
                case "maxpoll": b.maxPoll(duration(key, v)); break;
                case "factor": b.factor(number(key, v)); break;
                case "jitter": b.jitter(number(key, v)); break;
                case "onpoll": b.onPoll(consumer(v)); break;
                case "retrytransient": b.retryTransient((int) number(key, v)); break;
                default: throw new GlazeException("await does not know '" + key + "': use " + KEYS);
            }
        });
        return b.build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.timeout = timeout;
        b.poll = poll;
        b.maxPoll = maxPoll;
        b.factor = factor;
        b.jitter = jitter;
        b.onPoll = onPoll;
        b.retryTransient = retryTransient;
        return b;
    }

    public Duration getTimeout() {
        return timeout;
    }

    /** The first wait as given, or null for the cloud's default. */
    public Duration getPoll() {
        return poll;
    }

    /** The longest wait as given, or null for the cloud's default. */
    public Duration getMaxPoll() {
        return maxPoll;
    }

    public double getFactor() {
        return factor;
    }

    public double getJitter() {
        return jitter;
    }

    /** Told each task after each look (and each task created again), or null. */
    public Consumer<Task> getOnPoll() {
        return onPoll;
    }

    public int getRetryTransient() {
        return retryTransient;
    }

    /** The first wait on a cloud of this profile. */
    public Duration initialPoll(ServiceProfile profile) {
        return initialPoll(profile, false);
    }

    /**
     * The first wait: 5 s on Rackspace (which asks for no more than a poll in 30 s), 2 s elsewhere, and 0.5 s on a
     * service at a loopback address (the embedded one), whose tasks take seconds and which no one else shares.
     */
    public Duration initialPoll(ServiceProfile profile, boolean loopback) {
        if (poll != null) {
            return poll;
        }
        if (loopback) {
            return Duration.ofMillis(500);
        }
        return profile == ServiceProfile.RACKSPACE ? Duration.ofSeconds(5) : Duration.ofSeconds(2);
    }

    /** The longest wait on a cloud of this profile (never shorter than the first). */
    public Duration maxPoll(ServiceProfile profile) {
        return maxPoll(profile, false);
    }

    /** The longest wait: 30 s on Rackspace, 15 s elsewhere, 5 s at a loopback address; never shorter than the first. */
    public Duration maxPoll(ServiceProfile profile, boolean loopback) {
        Duration max = maxPoll != null ? maxPoll
                : loopback ? Duration.ofSeconds(5)
                : profile == ServiceProfile.RACKSPACE ? Duration.ofSeconds(30) : Duration.ofSeconds(15);
        Duration first = initialPoll(profile, loopback);
        return max.compareTo(first) < 0 ? first : max;
    }

    static String describe(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms % 1000 != 0 || ms < 60_000) {
            return (ms % 1000 == 0 ? String.valueOf(ms / 1000) : String.valueOf(ms / 1000.0)) + " s";
        }
        return d.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    static Duration duration(String key, Object v) {
        if (v instanceof Duration) {
            return (Duration) v;
        }
        if (v instanceof Number) {
            return Duration.ofMillis(Math.round(((Number) v).doubleValue() * 1000));
        }
        if (v instanceof CharSequence) {
            String s = v.toString().strip().toLowerCase(Locale.ROOT);
            Matcher m = SHORT.matcher(s);
            if (m.matches()) {
                double n = Double.parseDouble(m.group(1));
                long unit = Map.of("ms", 1L, "s", 1000L, "m", 60_000L, "h", 3_600_000L, "d", 86_400_000L)
                        .get(m.group(2));
                return Duration.ofMillis(Math.round(n * unit));
            }
            try {
                return Duration.parse(s.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                // reported below
            }
        } else if (v != null) {
            try { // Groovy's TimeDuration (5.minutes), without naming Groovy
                Method toMillis = v.getClass().getMethod("toMilliseconds");
                return Duration.ofMillis(((Number) toMillis.invoke(v)).longValue());
            } catch (ReflectiveOperationException | ClassCastException e) {
                // reported below
            }
        }
        throw new GlazeException("'" + key + "' must be a duration such as 30s, 5m, 2h or PT5M, not " + v);
    }

    private static double number(String key, Object v) {
        if (v instanceof Number) {
            return ((Number) v).doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(v));
        } catch (NumberFormatException e) {
            throw new GlazeException("'" + key + "' must be a number, not " + v);
        }
    }

    /** A {@link Consumer}, or anything with a public {@code call(Object)} (a Groovy closure), adapted. */
    @SuppressWarnings("unchecked")
    static Consumer<Task> consumer(Object v) {
        if (v == null || v instanceof Consumer) {
            return (Consumer<Task>) v;
        }
        try {
            Method call = v.getClass().getMethod("call", Object.class);
            return task -> {
                try {
                    call.invoke(v, task);
                } catch (java.lang.reflect.InvocationTargetException e) {
                    Throwable c = e.getCause();
                    throw c instanceof RuntimeException ? (RuntimeException) c
                            : new GlazeException("onPoll failed: " + c, c);
                } catch (IllegalAccessException e) {
                    throw new GlazeException("onPoll cannot be called: " + e.getMessage(), e);
                }
            };
        } catch (NoSuchMethodException e) {
            throw new GlazeException("'onPoll' must be a Consumer<Task> or a closure, not " + v.getClass().getName());
        }
    }

    @Override
    public String toString() {
        return "await(timeout " + describe(timeout) + ", poll " + (poll == null ? "default" : describe(poll))
                + ", maxPoll " + (maxPoll == null ? "default" : describe(maxPoll)) + ", factor " + factor
                + ", jitter " + jitter + ", retryTransient " + retryTransient + ")";
    }

    /** Builds {@link AwaitOptions}; every setting has a default. */
    public static final class Builder {
        private Duration timeout = Duration.ofHours(1);
        private Duration poll;
        private Duration maxPoll;
        private double factor = 1.5;
        private double jitter = 0.2;
        private Consumer<Task> onPoll;
        private int retryTransient = 1;

        private Builder() {
        }

        public Builder timeout(Duration timeout) {
            if (timeout == null || timeout.isNegative()) {
                throw new GlazeException("the await timeout must be zero or more, not " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        public Builder poll(Duration poll) {
            this.poll = positive("poll", poll);
            return this;
        }

        public Builder maxPoll(Duration maxPoll) {
            this.maxPoll = positive("maxPoll", maxPoll);
            return this;
        }

        public Builder factor(double factor) {
            if (!(factor >= 1.0)) {
                throw new GlazeException("the poll factor must be 1 or more (1 polls at a steady pace), not " + factor);
            }
            this.factor = factor;
            return this;
        }

        public Builder jitter(double jitter) {
            if (!(jitter >= 0 && jitter < 1)) {
                throw new GlazeException("the poll jitter is a fraction from 0 to below 1 (0.2 is ±20%), not " + jitter);
            }
            this.jitter = jitter;
            return this;
        }

        public Builder onPoll(Consumer<Task> onPoll) {
            this.onPoll = onPoll;
            return this;
        }

        public Builder retryTransient(int times) {
            if (times < 0) {
                throw new GlazeException("retryTransient is how many times to run a task again, 0 or more, not "
                        + times);
            }
            this.retryTransient = times;
            return this;
        }

        public AwaitOptions build() {
            return new AwaitOptions(this);
        }

        private static Duration positive(String key, Duration d) {
            if (d == null || d.isZero() || d.isNegative()) {
                throw new GlazeException("'" + key + "' must be a positive duration, not " + d);
            }
            return d;
        }
    }
}
