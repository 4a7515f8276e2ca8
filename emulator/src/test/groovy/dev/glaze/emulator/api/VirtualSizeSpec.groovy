package dev.glaze.emulator.api

import spock.lang.Specification

import java.nio.ByteBuffer
import java.nio.ByteOrder

/** virtual_size as upstream Glance's format inspector finds it, for the formats the contract suite does not upload. */
class VirtualSizeSpec extends Specification {

    def "a #format header declaring 32 MiB gives 32 MiB in a bare container and nothing in ovf"() {
        expect:
        VirtualSize.of(format, 'bare', header, 4096) == 32L << 20
        VirtualSize.of(format, 'ovf', header, 4096) == null

        where:
        format | header
        'vdi'  | vdi(32L << 20)
        'vmdk' | vmdk(32L << 20, 'monolithicSparse')
        'vmdk' | vmdk(32L << 20, 'streamOptimized')
    }

    def "a header that does not hold up gives no virtual size: #why"() {
        expect:
        VirtualSize.of(format, 'bare', header, header.length) == null

        where:
        why                                | format  | header
        'vmdk of another create type'      | 'vmdk'  | vmdk(32L << 20, 'twoGbMaxExtentFlat')
        'vmdk without its descriptor'      | 'vmdk'  | Arrays.copyOf(vmdk(32L << 20, 'monolithicSparse'), 512)
        'vdi without its signature'        | 'vdi'   | new byte[1024]
        'qcow2 shorter than a header'      | 'qcow2' | [0x51, 0x46, 0x49, 0xfb, 0, 0, 0, 3] as byte[]
        'vhdx, which this does not read'   | 'vhdx'  | Arrays.copyOf('vhdxfile'.bytes, 1024)
        'a format with no header at all'   | 'ami'   | new byte[1024]
    }

    def "raw data's virtual size is its size, unless empty"() {
        expect:
        VirtualSize.of('raw', 'bare', new byte[10], 10) == 10
        VirtualSize.of('raw', 'bare', new byte[0], 0) == null
    }

    /** A VirtualBox header: signature at 0x40, disk size at 0x170, little-endian. */
    static byte[] vdi(long size) {
        def b = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN)
        b.putInt(0x40, 0xbeda107f as int).putLong(0x170, size)
        b.array()
    }

    /** A sparse VMDK: "KDMV" header, a 20-sector descriptor at sector 1 naming its create type. */
    static byte[] vmdk(long size, String createType) {
        def b = ByteBuffer.allocate(512 + 20 * 512).order(ByteOrder.LITTLE_ENDIAN)
        b.put('KDMV'.bytes).putInt(1).putInt(3).putLong(size.intdiv(512)).putLong(128).putLong(1).putLong(20)
        b.position(512)
        b.put("# Disk DescriptorFile\nversion=1\ncreateType=\"${createType}\"\n".toString().bytes)
        b.array()
    }
}
