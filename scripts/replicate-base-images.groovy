#!/usr/bin/env glaze
// replicate-base-images.groovy -- make other regions hold the same base images as this one.
//
// Usage:   glaze [--region R] replicate-base-images.groovy [--to ORD,IAD] [--concurrency N] [--dry-run] PATTERN...
// Args:    PATTERN          image names to copy, as regular expressions matched against the whole name
//          --to LIST        regions to copy to (default: every other region of the cloud's catalog)
//          --concurrency N  copies running at once (default 4)
//          --dry-run        say what would be copied; change nothing
// Effects: creates images in the target regions (on Rackspace through export and import tasks and Cloud Files
//          objects, which are deleted afterwards). A region that has an identical image (name, size, hash) is
//          left as it is, so running it again does nothing. Exit 1 when any copy failed.

def opt = ScriptArgs.parse(args, 'replicate-base-images.groovy [--to ORD,IAD] [--concurrency N] [--dry-run] PATTERN...',
        [to: '', concurrency: 4, dryRun: false])
if (!opt.rest) {
    throw opt.usage('give at least one PATTERN of image names, e.g. \'base-.*\'')
}
String here = cloud.region.orElse(null)
List<String> targets = opt.to ? opt.to.split(',')*.trim() : cloud.regions().findAll { it != here }
if (!targets) {
    throw opt.usage("the cloud has no other region than ${here}; name some with --to")
}
def chosen = images.where(status: 'active').findAll { img -> opt.rest.any { img.name ==~ it } }
if (!chosen) {
    println "no active image matches ${opt.rest.join(' or ')}"
    return
}
def report = chosen.replicate(to: targets, concurrency: opt.concurrency, dryRun: opt.dryRun)
print report
if (!report.ok) {
    throw new GlazeException("${report.failed.size()} of ${report.rows.size()} copies failed; see the notes above")
}
