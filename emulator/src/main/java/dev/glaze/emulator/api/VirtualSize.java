package dev.glaze.emulator.api;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The {@code virtual_size} upstream Glance (Zed) records after an upload, from its in-flight format inspector:
 * only for {@code container_format: bare}; raw = the data's size; qcow2, vhd, vdi and vmdk (monolithicSparse or
 * streamOptimized) = the disk size their header declares, when the header is really of that format; anything
 * else, and any data too short to hold a header, = null. (Glance also reads vhdx headers; this does not, so a vhdx
 * upload gets null where Glance may know the size.)
 */
final class VirtualSize {
    /** How much of the data's beginning this needs to see: the 512-byte header and a VMDK descriptor after it. */
    static final int HEAD_BYTES = 64 * 1024;

    private static final int HEADER = 512;
    private static final int VMDK_DESCRIPTOR_OFFSET = 0x200;
    private static final int VMDK_DESCRIPTOR_MAX = (1 << 20) - 1;

    private VirtualSize() {
    }

    /**
     * @param head the first {@code min(size, HEAD_BYTES)} bytes of the data
     * @param size the data's full size
     */
    static Long of(String diskFormat, String containerFormat, byte[] head, long size) {
        if (!"bare".equals(containerFormat) || diskFormat == null) {
            return null;
        }
        long virtual = switch (diskFormat) {
            case "raw" -> size;
            case "qcow2" -> qcow2(head);
            case "vhd" -> vhd(head);
            case "vdi" -> vdi(head);
            case "vmdk" -> vmdk(head);
            default -> 0;
        };
        // Glance keeps a virtual size only when it is known and not zero.
        return virtual > 0 ? virtual : null;
    }

    private static long qcow2(byte[] head) {
        if (head.length < HEADER || !startsWith(head, new byte[] {'Q', 'F', 'I', (byte) 0xfb})) {
            return 0;
        }
        return big(head).getLong(24);
    }

    private static long vhd(byte[] head) {
        if (head.length < HEADER || !startsWith(head, "conectix".getBytes(StandardCharsets.US_ASCII))) {
            return 0;
        }
        return big(head).getLong(40);
    }

    private static long vdi(byte[] head) {
        if (head.length < HEADER || little(head).getInt(0x40) != 0xbeda107f) {
            return 0;
        }
        return little(head).getLong(0x170);
    }

    private static long vmdk(byte[] head) {
        if (head.length < HEADER || !startsWith(head, "KDMV".getBytes(StandardCharsets.US_ASCII))) {
            return 0;
        }
        ByteBuffer h = little(head);
        int version = h.getInt(4);
        long sectors = h.getLong(12);
        long descriptorSector = h.getLong(28);
        long descriptorSectors = h.getLong(36);
        long grainDirectory = h.getLong(56);
        if (version < 1 || version > 3 || grainDirectory == -1L
                || descriptorSector != VMDK_DESCRIPTOR_OFFSET / 512 || descriptorSectors < 0) {
            return 0;
        }
        long descriptorLength = Math.min(descriptorSectors * 512, VMDK_DESCRIPTOR_MAX);
        if (VMDK_DESCRIPTOR_OFFSET + descriptorLength > head.length) {
            return 0; // data too short, or a descriptor larger than this looks at
        }
        String descriptor = new String(head, VMDK_DESCRIPTOR_OFFSET, (int) descriptorLength,
                StandardCharsets.ISO_8859_1);
        String marker = "createType=\"";
        int from = descriptor.indexOf(marker);
        int to = from < 0 ? -1 : descriptor.indexOf('"', from + marker.length());
        if (to < 0) {
            return 0;
        }
        String type = descriptor.substring(from + marker.length(), to);
        return type.equals("monolithicSparse") || type.equals("streamOptimized") ? sectors * 512 : 0;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static ByteBuffer big(byte[] data) {
        return ByteBuffer.wrap(data).order(ByteOrder.BIG_ENDIAN);
    }

    private static ByteBuffer little(byte[] data) {
        return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    }
}
