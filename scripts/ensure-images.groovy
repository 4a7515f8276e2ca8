#!/usr/bin/env glaze
// ensure-images.groovy -- make the images of a manifest exist, as described, in each region: create what is
// missing, patch only what differs, and leave what is already right alone (a second run changes nothing).
//
// Usage:   glaze ensure-images.groovy [--regions DFW,ORD] [--dry-run] MANIFEST.yaml
// Args:    MANIFEST   a YAML file with a list `images:`, each an entry of images.ensure: name (required),
//                     diskFormat, containerFormat, minDisk, minRam, visibility, protected, tags, properties (a map),
//                     and the data: file (relative to the manifest's folder), url (web-download) or object
//                     (container/object in the region's Cloud Files)
//          --regions LIST  the regions to make them exist in (default: the cloud's current region)
//          --dry-run  print what would be created or changed; change nothing
// Effects: creates images (uploading or importing their data) and patches their attributes, properties and tags.
//          Never deletes or replaces an image: one with other data than its file is reported as an error and
//          left as it is. Prints one line per image and region; exits 1 when any failed (the others still run).

import org.snakeyaml.engine.v2.api.Load
import org.snakeyaml.engine.v2.api.LoadSettings

import java.nio.file.Files
import java.nio.file.Path

def opt = ScriptArgs.parse(args, 'ensure-images.groovy [--regions DFW,ORD] [--dry-run] MANIFEST.yaml',
        [regions: '', dryRun: false])
if (opt.rest.size() != 1) {
    throw opt.usage('give one MANIFEST.yaml')
}
Path manifest = Path.of(opt.rest[0])
if (!Files.isRegularFile(manifest)) {
    throw opt.usage("no manifest ${manifest}")
}
def entries = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(manifest))?.images
if (!(entries instanceof List) || !entries.every { it instanceof Map && it.name }) {
    throw opt.usage("${manifest} needs a list 'images:' whose entries each have a name")
}
List<String> regions = opt.regions ? opt.regions.split(',')*.trim() : []
int failed = 0
(regions ?: [null]).each { String region ->
    def there = region ? cloud.region(region) : cloud
    entries.each { Map entry ->
        Map spec = new LinkedHashMap(entry) + [dryRun: opt.dryRun]
        if (spec.file) {
            spec.file = manifest.toAbsolutePath().parent.resolve(spec.file as String)
        }
        try {
            println "${region ? region + '  ' : ''}${there.images.ensure(spec)}"
        } catch (GlazeException e) {
            failed++
            println "${region ? region + '  ' : ''}${entry.name}: failed: ${e.message}"
        }
    }
}
if (failed) {
    throw new GlazeException("${failed} images could not be made as the manifest says; the lines above say why")
}
