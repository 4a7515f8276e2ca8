#!/usr/bin/env glaze
// audit-regions.groovy -- check that every region has the same named images, with the same data.
//
// Usage:   glaze audit-regions.groovy [--pattern REGEX] [--regions DFW,ORD]
// Args:    --pattern REGEX  only names matching it (default: every name)
//          --regions LIST   the regions to compare (default: every region of the cloud's catalog)
// Effects: none: it only reads. Prints one row per image name and a column per region: the first 12 characters of
//          the image's SHA-512 (or MD5), "missing", or "differs" when the region's copy has other data than the
//          first region that has it. Exit 1 when anything is missing or differs.

def opt = ScriptArgs.parse(args, 'audit-regions.groovy [--pattern REGEX] [--regions DFW,ORD]',
        [pattern: '.*', regions: ''])
List<String> names = opt.regions ? opt.regions.split(',')*.trim() : cloud.regions()
if (!names) {
    names = [cloud.region.orElse('here')]
}
Map<String, Map<String, Image>> byName = new TreeMap()
names.each { region ->
    def there = names.size() == 1 && !cloud.regions() ? cloud : cloud.region(region)
    there.images.where(status: 'active').each { img ->
        if (img.name ==~ opt.pattern) {
            byName.computeIfAbsent(img.name) { [:] }[region] = img
        }
    }
}
def hash = { Image img -> img.osHashValue ?: img.checksum ?: '?' }
// like with like: SHA-512 where both have it, else MD5 (an older cloud keeps only that), and the size
def same = { Image a, Image b ->
    a.size == b.size && (a.osHashValue && b.osHashValue ? a.osHashValue == b.osHashValue : a.checksum == b.checksum)
}
int problems = 0
def rows = byName.collect { name, copies ->
    def reference = copies.values().first()
    [name] + names.collect { region ->
        def img = copies[region]
        if (img == null) { problems++; return 'missing' }
        if (!same(img, reference)) { problems++; return 'differs' }
        hash(img).take(12)
    }
}
def header = ['image'] + names
def widths = header.indices.collect { i -> ([header] + rows)*.getAt(i)*.length().max() }
([header] + rows).each { row -> println row.withIndex().collect { c, i -> c.padRight(widths[i]) }.join('  ').trim() }
println "${byName.size()} names in ${names.size()} regions; ${problems} missing or different"
if (problems) {
    throw new GlazeException("the regions differ: ${problems} missing or different copies")
}
