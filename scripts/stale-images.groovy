#!/usr/bin/env glaze
// stale-images.groovy -- report images that look forgotten: never finished, failed, or not updated for long.
//
// Usage:   glaze stale-images.groovy [--days N] [--delete-unfinished] [--dry-run]
// Args:    --days N             an active image not updated for N days is stale (default 90)
//          --delete-unfinished  delete the images left unfinished (queued, saving, importing, uploading) or killed
//                               for more than a day (never a protected one); with --dry-run only say so
// Effects: none but the report, unless --delete-unfinished. The report lists each stale image with why.

def opt = ScriptArgs.parse(args, 'stale-images.groovy [--days N] [--delete-unfinished] [--dry-run]',
        [days: 90, deleteUnfinished: false, dryRun: false])
def now = java.time.Instant.now()
def old = now.minus(java.time.Duration.ofDays(opt.days))
def dayAgo = now.minus(java.time.Duration.ofDays(1))
int stale = 0
images.each { Image img ->
    String why = null
    boolean unfinished = img.status in ['queued', 'saving', 'killed', 'importing', 'uploading']
    if (img.status == 'killed') {
        why = 'killed: its upload or import failed'
    } else if (unfinished && img.updatedAt.isBefore(dayAgo)) {
        why = "${img.status} since ${img.updatedAt}"
    } else if (img.status == 'active' && img.updatedAt.isBefore(old)) {
        why = "not updated since ${img.updatedAt}"
    }
    if (why == null) {
        return
    }
    stale++
    println "${img.name}  ${img.id}  ${why}"
    if (opt.deleteUnfinished && unfinished && img.updatedAt.isBefore(dayAgo) && !img.protected) {
        if (!opt.dryRun) {
            img.delete()
        }
        println "  ${opt.dryRun ? 'would delete' : 'deleted'}"
    }
}
println "${stale} stale images"
