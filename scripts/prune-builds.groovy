#!/usr/bin/env glaze
// prune-builds.groovy -- keep the newest builds of each image name pattern, delete the older ones.
//
// Usage:   glaze prune-builds.groovy [--keep N] [--dry-run] PATTERN...
// Args:    PATTERN    a regular expression for the names of one series of builds, e.g. 'web-\d+'
//          --keep N   how many of the newest (by creation time) to keep per pattern (default 3)
//          --dry-run  print what would be deleted; delete nothing
// Effects: deletes images. Never deletes a protected image, one in use (public, community, or shared with a
//          project that accepted it) or one another project owns; they are listed as kept, with the reason, and
//          only the project's own deletable builds count towards --keep. Refuses to run on a cloud that does not
//          say its project. Prints a table per pattern: each image, keep or delete, and why; exits 1 when a
//          deletion was refused (the others still happen).

def opt = ScriptArgs.parse(args, 'prune-builds.groovy [--keep N] [--dry-run] PATTERN...', [keep: 3, dryRun: false])
if (!opt.rest) {
    throw opt.usage('give at least one PATTERN of build names, e.g. \'web-\\d+\'')
}
if (opt.keep < 1) {
    throw opt.usage("--keep must be 1 or more, not ${opt.keep}")
}
int deleted = 0
int failed = 0
opt.rest.each { String pattern ->
    // images.prune keeps the newest (by creation time, then by the numbers in the name) of the project's own
    // deletable builds, and every protected, in-use or other project's one; see docs/reference.md
    def report = images.prune(matching: pattern, keep: opt.keep, dryRun: opt.dryRun)
    println "${pattern}:"
    print report
    deleted += report.deleted.size()
    failed += report.rows(PruneReport.Decision.FAILED).size()
}
if (failed) {
    throw new GlazeException("${failed} images could not be deleted; the table says why")
}
println opt.dryRun ? 'dry run: nothing deleted' : "${deleted} deleted"
