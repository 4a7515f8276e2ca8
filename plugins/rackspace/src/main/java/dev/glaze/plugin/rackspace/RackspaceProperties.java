package dev.glaze.plugin.rackspace;

import dev.glaze.core.spi.PropertyCodec;
import dev.glaze.core.spi.PropertySpec;
import java.util.List;

/**
 * The properties Rackspace puts on its images (the "Use images" guide's Ubuntu 12.04 example carries each one).
 * Rackspace writes every value as text: its build and visibility flags as {@code "1"}/{@code "0"}, Nova's flags as
 * {@code "True"}/{@code "False"}, numbers as digits and the build date as {@code 2014-03-19_10-50-10}.
 * Rackspace refuses any change to a {@code com.rackspace*} property, so those are read-only here too: the mistake
 * fails at once, not as a 403 at save().
 */
final class RackspaceProperties {
    private static final String RS = "com.rackspace__1__";
    private static final String OS = "org.openstack__1__";
    private static final PropertyCodec<Boolean> DIGIT_FLAG = PropertyCodec.booleanAsString("1", "0");
    private static final PropertyCodec<Boolean> NOVA_FLAG = PropertyCodec.booleanAsString("True", "False");

    private RackspaceProperties() {
    }

    static final List<PropertySpec> ALL = List.of(
            rackspace("build_core", "buildCore", DIGIT_FLAG,
                    "whether the image was built for Rackspace's Core service level", "1", "0"),
            rackspace("build_managed", "buildManaged", DIGIT_FLAG,
                    "whether the image was built for the Managed service level", "1", "0"),
            rackspace("build_rackconnect", "buildRackconnect", DIGIT_FLAG,
                    "whether the image was built for RackConnect", "1", "0"),
            rackspace("visible_core", "visibleCore", DIGIT_FLAG,
                    "whether Core accounts see the image", "1", "0"),
            rackspace("visible_managed", "visibleManaged", DIGIT_FLAG,
                    "whether Managed accounts see the image", "0", "1"),
            rackspace("visible_rackconnect", "visibleRackconnect", DIGIT_FLAG,
                    "whether RackConnect accounts see the image", "1", "0"),
            rackspace("options", "options", PropertyCodec.integerAsString(),
                    "Rackspace's option flags; 1 marks images (Windows, Red Hat) that cannot be exported", "0", "1"),
            rackspace("platform_target", "platformTarget", PropertyCodec.string(),
                    "the platform the image is for, e.g. PublicCloud", "PublicCloud"),
            rackspace("release_build_date", "releaseBuildDate", PropertyCodec.dateTime("yyyy-MM-dd_HH-mm-ss"),
                    "when this release of the image was built (no time zone is given)", "2014-03-19_10-50-10"),
            rackspace("release_id", "releaseId", PropertyCodec.integerAsString(),
                    "the number of the image's release line", "1003"),
            rackspace("release_version", "releaseVersion", PropertyCodec.integerAsString(),
                    "the version within the release line; higher is newer", "3"),
            rackspace("source", "source", PropertyCodec.string(),
                    "how the image was made, e.g. kickstart", "kickstart"),
            openstack("architecture", "architecture",
                    "the CPU architecture (the OpenStack common image properties), e.g. x64", "x64"),
            openstack("os_distro", "distro",
                    "the distribution as a reverse domain name, e.g. com.ubuntu", "com.ubuntu"),
            openstack("os_version", "distroVersion",
                    "the distribution's version, e.g. 12.04 (text: 12.10 is not 12.1)", "12.04"),
            PropertySpec.named("auto_disk_config").alias("autoDiskConfig")
                    .codec(PropertyCodec.oneOf("True", "False", "disabled"))
                    .description("whether a server's disk is resized to its flavor: True, False (manual), or"
                            + " disabled (cannot be changed)")
                    .example("disabled", "True", "False").build(),
            PropertySpec.named("cache_in_nova").alias("cacheInNova").codec(NOVA_FLAG)
                    .description("whether compute hosts keep a copy of the image, so servers build faster")
                    .example("True", "False").build(),
            PropertySpec.named("image_type").alias("imageType")
                    .description("base for Rackspace's images, snapshot for images made from a server")
                    .example("base", "snapshot").build(),
            PropertySpec.named("os_type").alias("osType")
                    .description("the operating system family: linux or windows").example("linux", "windows").build(),
            PropertySpec.named("vm_mode").alias("vmMode")
                    .description("how the hypervisor runs it: hvm (hardware virtualization), xen (paravirtual)")
                    .example("hvm", "xen").build());

    private static PropertySpec rackspace(String name, String alias, PropertyCodec<?> codec, String description,
            String... examples) {
        return PropertySpec.named(RS + name).alias(alias).codec(codec).readOnly().description(description)
                .example(examples).build();
    }

    private static PropertySpec openstack(String name, String alias, String description, String example) {
        return PropertySpec.named(OS + name).alias(alias).description(description).example(example).build();
    }
}
