package dev.glaze.core.plugins;

/**
 * One line of {@code :plugins}: a plugin, whether it is active for a cloud and why (or why not), and how many
 * property specs it declares.
 *
 * @param id the plugin's id
 * @param version its version, empty for a plugin that could not be used
 * @param priority who wins a property both claim: the higher
 * @param active whether it applies to the cloud asked about
 * @param reason e.g. {@code applies to local}, {@code does not apply to rax/IAD}, {@code not chosen (--plugin x)}
 * @param properties the number of its property specs
 * @param description what it is for
 */
public record PluginStatus(String id, String version, int priority, boolean active, String reason, int properties,
        String description) {
}
