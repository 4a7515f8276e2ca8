package dev.glaze.shell.repl;

import dev.glaze.core.Cloud;
import dev.glaze.core.ConfigurationException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * {@code clouds} in scripts and the REPL: the clouds of clouds.yaml by name, each made when first used (making one
 * does not sign in), so {@code clouds.rackspace.region('ORD').images} works on any cloud of the file. Iterating
 * gives the names, as a list of them would.
 *
 * <pre>
 * clouds.names                                     // [rackspace, ovh]
 * clouds.rackspace.region('IAD').images*.name
 * clouds['ovh'].regions()
 * clouds.each { name -> println "$name: ${clouds[name].regions()}" }
 * </pre>
 *
 * An unknown name is an error naming the clouds there are, not a null that fails a line later. A cloud whose name
 * is also a property here ({@code names}) is reached with {@code clouds['names']}.
 */
public final class CloudDirectory implements Iterable<String> {
    private final List<String> names;
    private final Function<String, Cloud> open;
    private final Map<String, Cloud> made = new ConcurrentHashMap<>();

    /** @param open makes the cloud of a name (the shell's, so that --debug and the status line apply to it) */
    public CloudDirectory(List<String> names, Function<String, Cloud> open) {
        this.names = List.copyOf(names);
        this.open = open;
    }

    /** The names of clouds.yaml's clouds. */
    public List<String> getNames() {
        return names;
    }

    /** {@code clouds['rackspace']}. */
    public Cloud getAt(String name) {
        if (!names.contains(name)) {
            throw new ConfigurationException("no cloud '" + name + "' in clouds.yaml; "
                    + (names.isEmpty() ? "it has none (see docs/cli.md, choosing the cloud)" : "its clouds: " + names));
        }
        return made.computeIfAbsent(name, open);
    }

    /** {@code clouds.rackspace}. */
    public Object propertyMissing(String name) {
        return getAt(name);
    }

    @Override
    public Iterator<String> iterator() {
        return names.iterator();
    }

    /** The names: printing must not make every cloud. */
    @Override
    public String toString() {
        return names.toString();
    }
}
