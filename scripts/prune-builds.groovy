#!/usr/bin/env glaze
// prune-builds.groovy -- keep the newest builds of each image name pattern, delete the older ones.
//
// Usage:   glaze prune-builds.groovy [--keep N] [--dry-run] PATTERN...
// Args:    PATTERN    a regular expression for the names of one series of builds, e.g. 'web-\d+'
//          --keep N   how many of the newest (by creation time) to keep per pattern (default 3)
//          --dry-run  print what would be deleted; delete nothing
// Effects: deletes images. Never deletes a protected image (it is listed as kept, "protected"), and never an
//          image another project owns. Prints one line per image: keep or delete, and why.

def opt = ScriptArgs.parse(args, 'prune-builds.groovy [--keep N] [--dry-run] PATTERN...', [keep: 3, dryRun: false])
if (!opt.rest) {
    throw opt.usage('give at least one PATTERN of build names, e.g. \'web-\\d+\'')
}
if (opt.keep < 1) {
    throw opt.usage("--keep must be 1 or more, not ${opt.keep}")
}
String project = cloud.projectId.orElse(null)
int deleted = 0
opt.rest.each { String pattern ->
    // newest first; builds made in the same second (the service's resolution) by their number: web-10 after web-9
    def number = { Image i -> i.name.replaceAll(/\d+/) { String n -> n.padLeft(12, '0') } }
    def series = images.findAll { it.name ==~ pattern }
            .sort { a, b -> (b.createdAt <=> a.createdAt) ?: (number(b) <=> number(a)) }
    series.eachWithIndex { Image img, int i ->
        String why = i < opt.keep ? "one of the ${opt.keep} newest"
                : img.protected ? 'protected'
                : (project && img.owner && img.owner != project) ? "owned by project ${img.owner}"
                : null
        if (why) {
            println "keep    ${img.name}  ${img.id}  (${why})"
        } else {
            println "${opt.dryRun ? 'would delete' : 'delete'}  ${img.name}  ${img.id}  (created ${img.createdAt})"
            if (!opt.dryRun) {
                img.delete()
                deleted++
            }
        }
    }
}
println opt.dryRun ? 'dry run: nothing deleted' : "${deleted} deleted"
