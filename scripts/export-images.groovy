#!/usr/bin/env glaze
// export-images.groovy -- export every image whose name matches to a Cloud Files container, and wait for all.
//
// Usage:   glaze export-images.groovy [--container NAME] [--dry-run] PATTERN
// Args:    PATTERN           a regular expression for image names
//          --container NAME  the container to export into; created when missing (default exports)
//          --dry-run         list the images that would be exported
// Effects: creates the container if needed and one export task per image; each writes <image id>.vhd into the
//          container. Waits for every task and prints a table of what succeeded and what failed. Exit 1 when any
//          export failed.

def opt = ScriptArgs.parse(args, 'export-images.groovy [--container NAME] [--dry-run] PATTERN',
        [container: 'exports', dryRun: false])
if (opt.rest.size() != 1) {
    throw opt.usage('give one PATTERN of image names')
}
def chosen = images.where(status: 'active').findAll { it.name ==~ opt.rest[0] }
if (opt.dryRun || !chosen) {
    chosen.each { println "would export ${it.name} (${it.id}) to ${opt.container}/${it.id}.vhd" }
    println "${chosen.size()} images ${opt.dryRun ? 'would be' : 'were'} exported"
    return
}
containers.create(opt.container)
def summary = tasks.awaitAll(chosen.collect { it.export(opt.container) })
print summary
if (!summary.allSucceeded) {
    throw new GlazeException("${summary.failed.size()} of ${chosen.size()} exports failed")
}
