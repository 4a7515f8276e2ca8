#!/usr/bin/env glaze
// tag-release.groovy -- mark the current builds of a release: add a tag, and take it off older images.
//
// Usage:   glaze tag-release.groovy [--move] [--dry-run] TAG PATTERN...
// Args:    TAG        the tag to add, e.g. release-2026.12
//          PATTERN    regular expressions for the names of the images that belong to the release (the newest
//                     active image of each matching name is tagged)
//          --move     take TAG off every other image that has it, so only this release carries it
//          --dry-run  print what would change
// Effects: adds (and with --move removes) one tag per image; nothing else changes.

def opt = ScriptArgs.parse(args, 'tag-release.groovy [--move] [--dry-run] TAG PATTERN...', [move: false, dryRun: false])
if (opt.rest.size() < 2) {
    throw opt.usage('give a TAG and at least one PATTERN of image names')
}
String tag = opt.rest[0]
def patterns = opt.rest.drop(1)
def newest = images.where(status: 'active').findAll { img -> patterns.any { img.name ==~ it } }
        .groupBy { it.name }.collect { name, all -> all.max { it.createdAt } }
newest.each { img ->
    if (tag in img.tags) {
        println "has     ${img.name}  ${img.id}"
    } else {
        println "${opt.dryRun ? 'would tag' : 'tag'}  ${img.name}  ${img.id}"
        if (!opt.dryRun) img.addTag(tag)
    }
}
if (opt.move) {
    Set<String> keep = newest*.id as Set
    images.where(tag: tag).findAll { !(it.id in keep) }.each { img ->
        println "${opt.dryRun ? 'would untag' : 'untag'}  ${img.name}  ${img.id}"
        if (!opt.dryRun) img.removeTag(tag)
    }
}
