package dev.glaze.core.groovy;

import dev.glaze.core.tasks.AwaitOptions;
import dev.glaze.core.tasks.AwaitSummary;
import dev.glaze.core.tasks.Task;
import dev.glaze.core.tasks.Tasks;
import groovy.lang.Closure;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Groovy conveniences for tasks (registered in META-INF/groovy/org.codehaus.groovy.runtime.ExtensionModule):
 * named arguments for waiting, and closures as {@code onPoll}.
 *
 * <pre>
 * def task = cloud.tasks().importImage(from: 'exports/web.vhd', name: 'web-gold')
 * task.await(timeout: '30m', onPoll: { println "${it.id} ${it.status}" })
 * def summary = cloud.tasks().awaitAll(started, timeout: '2h')
 * </pre>
 */
public final class TaskExtensions {
    private TaskExtensions() {
    }

    /** {@code task.await(timeout: '10m', poll: '1s', onPoll: { ... })}: see {@link AwaitOptions#from(Map)}. */
    public static Task await(Task self, Map<String, ?> options) {
        return self.await(options(options));
    }

    /** {@code task.await(30.minutes)}: waits up to that long, polling as {@link AwaitOptions#defaults()} does. */
    public static Task await(Task self, java.time.Duration timeout) {
        return self.await(AwaitOptions.defaults().toBuilder().timeout(timeout).build());
    }

    public static CompletableFuture<Task> awaitAsync(Task self, Map<String, ?> options) {
        return self.awaitAsync(options(options));
    }

    /** {@code tasks.awaitAll(started, timeout: '2h')}. */
    public static AwaitSummary awaitAll(Tasks self, Map<String, ?> options, Collection<Task> tasks) {
        return self.awaitAll(tasks, options(options));
    }

    static AwaitOptions options(Map<String, ?> options) {
        Map<String, Object> copy = new LinkedHashMap<>(options);
        for (String key : new String[] {"onPoll", "on_poll"}) {
            Object v = copy.get(key);
            if (v instanceof Closure && !(v instanceof Consumer)) {
                Closure<?> closure = (Closure<?>) v;
                Consumer<Task> consumer = closure::call;
                copy.put(key, consumer);
            }
        }
        return AwaitOptions.from(copy);
    }
}
