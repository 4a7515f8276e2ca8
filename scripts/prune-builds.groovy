#!/usr/bin/env glaze
// prune-builds.groovy -- keep the newest builds of each image name pattern, delete the older ones.
//
// Usage:   glaze prune-builds.groovy [--keep N] [--dry-run] PATTERN...
// Args:    PATTERN    a regular expression for the names of one series of builds, e.g. 'web-\d+'
//          --keep N   how many of the newest (by creation time) to keep per pattern (default 3)
//          --dry-run  print what would be deleted; delete nothing
// Effects: deletes images. Never deletes a protected image (it is listed as kept, "protected"), and never an
//          image another project owns; only the project's own unprotected builds count towards --keep. Refuses to
//          run on a cloud that does not say its project. Prints one line per image: keep or delete, and why.

def opt = ScriptArgs.parse(args, 'prune-builds.groovy [--keep N] [--dry-run] PATTERN...', [keep: 3, dryRun: false])
if (!opt.rest) {
    throw opt.usage('give at least one PATTERN of build names, e.g. \'web-\\d+\'')
}
if (opt.keep < 1) {
    throw opt.usage("--keep must be 1 or more, not ${opt.keep}")
}
String project = cloud.projectId.orElse(null)
if (project == null) {
    throw opt.usage('the cloud does not say which project this is, so another project\'s images could not be told'
            + ' apart; use a cloud with a project (clouds.yaml project_name or project_id)')
}
int deleted = 0
opt.rest.each { String pattern ->
    // newest first; builds made in the same second (the service's resolution) by their number: web-10 after web-9
    def number = { Image i -> i.name.replaceAll(/\d+/) { String n -> n.padLeft(12, '0') } }
    def series = images.findAll { it.name ==~ pattern }
            .sort { a, b -> (b.createdAt <=> a.createdAt) ?: (number(b) <=> number(a)) }
    // only the project's own, unprotected builds count towards --keep: the others are never deleted anyway
    def mine = series.findAll { !it.protected && (!it.owner || it.owner == project) }
    def keep = mine.take(opt.keep) as Set
    series.each { Image img ->
        String why = img.protected ? 'protected'
                : (img.owner && img.owner != project) ? "owned by project ${img.owner}"
                : img in keep ? "one of the ${opt.keep} newest"
                : null
        if (why) {
            println "keep    ${img.name}  ${img.id}  (${why})"
        } else {
            if (!opt.dryRun) {
                img.delete()
                deleted++
            }
            println "${opt.dryRun ? 'would delete' : 'delete'}  ${img.name}  ${img.id}  (created ${img.createdAt})"
        }
    }
}
println opt.dryRun ? 'dry run: nothing deleted' : "${deleted} deleted"
