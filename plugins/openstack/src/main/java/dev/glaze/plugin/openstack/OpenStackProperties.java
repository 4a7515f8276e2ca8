package dev.glaze.plugin.openstack;

import dev.glaze.core.spi.PropertyCodec;
import dev.glaze.core.spi.PropertySpec;
import java.util.List;

/**
 * The image properties Nova reads (its {@code ImageMetaProps}) and Glance's metadata definitions describe, by their
 * wire names. Glance keeps every one as text; Nova parses numbers and flags, so those are typed here. Values that
 * are one of a list (bus and model names) stay text: hypervisors add names over releases, and refusing one a newer
 * cloud accepts would be worse than passing it on.
 */
final class OpenStackProperties {
    private static final PropertyCodec<String> TEXT = PropertyCodec.string();
    private static final PropertyCodec<Long> NUMBER = PropertyCodec.integerAsString();
    /** oslo's {@code bool_from_string}, which Nova reads flags with: any case, so another tool's spelling reads too. */
    private static final List<String> NOVA_TRUE = List.of("1", "t", "true", "on", "y", "yes");
    private static final List<String> NOVA_FALSE = List.of("0", "f", "false", "off", "n", "no");
    private static final PropertyCodec<Boolean> FLAG = novaFlag("true", "false");

    private OpenStackProperties() {
    }

    /** A flag as Nova reads it, written in the spelling Glance's metadata definitions use for the property. */
    private static PropertyCodec<Boolean> novaFlag(String yes, String no) {
        return PropertyCodec.booleanAsString(yes, no, NOVA_TRUE, NOVA_FALSE);
    }

    static final List<PropertySpec> ALL = List.of(
            // Glance's own attributes: typed by Image itself (hidden, osHashAlgo, osHashValue), listed for :plugins
            PropertySpec.named("os_hidden").codec(PropertyCodec.booleanAsString("true", "false"))
                    .description("hidden from default listings (Glance 2.7+, a JSON boolean: image.hidden)")
                    .build(),
            PropertySpec.named("os_hash_algo").readOnly()
                    .description("the algorithm of os_hash_value, sha512 by default (Glance sets it on upload)")
                    .example("sha512").build(),
            PropertySpec.named("os_hash_value").readOnly()
                    .description("the hex multihash of the image data (Glance sets it; downloads are checked"
                            + " against it)").example("ee26b0dd4af7e749aa1a8ee3c10ae9923f618980772e473f8819a5d4940e0db2"
                            + "7ac185f8a0e1d5f84f88bc887fd67b143732c304cc5fa9ad8e6f57f50028a8ff").build(),
            text("os_distro", "distro", "the distribution, in the lower-case names of the OpenStack common image"
                    + " properties: ubuntu, debian, centos, rhel, fedora, windows, freebsd, ...",
                    "ubuntu", "centos", "windows"),
            text("os_version", "distroVersion", "the distribution's version, e.g. 22.04 (text: 12.10 is not 12.1)",
                    "22.04", "9"),
            text("os_type", "osType", "the operating system family, linux or windows: Nova formats ephemeral"
                    + " disks by it", "linux", "windows"),
            text("os_admin_user", "adminUser", "the account whose password Nova sets on boot; root or Administrator"
                    + " when unset", "root", "Administrator"),
            text("os_command_line", "osCommandLine", "the kernel command line for a server booted with a"
                    + " separate kernel (libvirt)", "console=ttyS0"),
            flag("os_require_quiesce", "requireQuiesce", "whether a snapshot must quiesce the file systems"
                    + " through the guest agent (and fail when it cannot)"),
            text("os_secure_boot", "secureBoot", "UEFI secure boot: required, disabled or optional",
                    "required", "disabled"),
            text("architecture", "architecture", "the CPU architecture the image needs: x86_64, aarch64,"
                    + " ppc64le, s390x, ...", "x86_64", "aarch64"),
            text("hypervisor_type", "hypervisorType", "the hypervisor the image needs: qemu, kvm, vmware, xen,"
                    + " hyperv, lxc, ...", "qemu", "kvm"),
            text("vm_mode", "vmMode", "how the hypervisor runs the guest: hvm, xen (paravirtual), exe, uml",
                    "hvm"),
            text("img_config_drive", "configDrive", "whether a config drive is needed: optional or mandatory",
                    "optional", "mandatory"),
            hwText("hw_disk_bus", "the bus of the disks: virtio, scsi, ide, sata, usb, fdc, xen, uml, lxc",
                    "virtio", "scsi"),
            hwText("hw_cdrom_bus", "the bus of CD-ROM drives: ide, sata, scsi, usb", "sata"),
            hwText("hw_scsi_model", "the SCSI controller when hw_disk_bus is scsi: virtio-scsi, lsilogic,"
                    + " lsisas1068, buslogic, ...", "virtio-scsi"),
            hwText("hw_vif_model", "the network card model: virtio, e1000, e1000e, rtl8139, ne2k_pci, pcnet,"
                    + " vmxnet3, ...", "virtio", "e1000"),
            hwFlag("hw_vif_multiqueue_enabled", "whether virtio network cards get one queue per vCPU"),
            hwText("hw_firmware_type", "the firmware the server boots with: bios or uefi", "uefi", "bios"),
            hwText("hw_machine_type", "the emulated machine type (libvirt), e.g. q35 or pc", "q35", "pc"),
            PropertySpec.named("hw_qemu_guest_agent").alias("hwQemuGuestAgent").codec(novaFlag("yes", "no"))
                    .description("whether the image runs the QEMU guest agent, which quiesced snapshots and"
                            + " password setting use (Glance spells it yes/no)").build(),
            hwText("hw_rng_model", "the random number generator device given to the guest: virtio", "virtio"),
            hwNumber("hw_cpu_sockets", "the preferred number of CPU sockets of the guest's topology"),
            hwNumber("hw_cpu_cores", "the preferred number of cores per socket"),
            hwNumber("hw_cpu_threads", "the preferred number of threads per core"),
            hwNumber("hw_cpu_max_sockets", "the most CPU sockets the guest's topology may have"),
            hwNumber("hw_cpu_max_cores", "the most cores per socket the guest's topology may have"),
            hwNumber("hw_cpu_max_threads", "the most threads per core the guest's topology may have"),
            hwText("hw_cpu_policy", "CPU pinning: shared (floating) or dedicated (pinned)", "dedicated", "shared"),
            hwText("hw_cpu_thread_policy", "how pinned vCPUs use host threads: prefer, isolate or require",
                    "prefer"),
            hwNumber("hw_numa_nodes", "the number of NUMA nodes the guest's CPUs and memory are spread over"),
            hwText("hw_mem_page_size", "the memory page size: small, large, any, or a size such as 2MB or 1GB",
                    "large", "2MB"),
            hwFlag("hw_mem_encryption", "whether the guest's memory is encrypted (AMD SEV)"),
            hwText("hw_video_model", "the video device: virtio, qxl, vga, cirrus, vmvga, gop, bochs, none",
                    "virtio", "qxl"),
            hwNumber("hw_video_ram", "the video memory in MB, at most what the flavor allows"),
            hwText("hw_pointer_model", "the pointer device: usbtablet, for an absolute mouse over VNC",
                    "usbtablet"),
            hwText("hw_watchdog_action", "what a watchdog does when the guest hangs: disabled, reset, poweroff,"
                    + " pause, none", "reset"),
            hwFlag("hw_boot_menu", "whether the BIOS boot menu is shown on the console"),
            hwNumber("hw_serial_port_count", "the number of serial ports of the guest"),
            hwText("hw_tpm_version", "the version of an emulated TPM: 1.2 or 2.0", "2.0"),
            hwText("hw_tpm_model", "the emulated TPM device: tpm-tis or tpm-crb", "tpm-crb"),
            PropertySpec.prefix("hw_").description("a hardware hint for Nova's virt driver, as text"
                    + " (the ones glaze knows are typed above)").build());

    private static PropertySpec text(String wire, String alias, String description, String... examples) {
        return PropertySpec.named(wire).alias(alias).codec(TEXT).description(description).example(examples)
                .build();
    }

    private static PropertySpec flag(String wire, String alias, String description) {
        return PropertySpec.named(wire).alias(alias).codec(FLAG).description(description).build();
    }

    private static PropertySpec hwText(String wire, String description, String... examples) {
        return text(wire, PropertySpec.camelCase(wire), description, examples);
    }

    private static PropertySpec hwFlag(String wire, String description) {
        return flag(wire, PropertySpec.camelCase(wire), description);
    }

    private static PropertySpec hwNumber(String wire, String description) {
        return PropertySpec.named(wire).alias(PropertySpec.camelCase(wire)).codec(NUMBER)
                .description(description).example("1", "2", "4").build();
    }
}
