#!/usr/bin/env glaze
// import-vhds.groovy -- import every VHD of a Cloud Files container as an image named after its object.
//
// Usage:   glaze import-vhds.groovy [--prefix P] [--dry-run] CONTAINER
// Args:    CONTAINER    the container holding the .vhd objects
//          --prefix P   only objects whose names start with P (default: all)
//          --dry-run    list what would be imported
// Effects: one import task per object whose image name (the object's name without .vhd) no active image has
//          yet; objects whose name is taken are skipped, so running it again imports only what is new. Waits for
//          every task and prints what succeeded and failed. Exit 1 when any import failed. Two objects whose names
//          give the same image name: the first is imported, the other skipped.

def opt = ScriptArgs.parse(args, 'import-vhds.groovy [--prefix P] [--dry-run] CONTAINER', [prefix: '', dryRun: false])
if (opt.rest.size() != 1) {
    throw opt.usage('give the CONTAINER that holds the VHDs')
}
def container = containers[opt.rest[0]]
// names being made count as taken too: an import still running from an earlier run must not go twice
Set<String> taken = images.findAll { it.status in ['active', 'queued', 'saving', 'importing', 'uploading'] }*.name as Set
def todo = []
container.objects(opt.prefix).each { obj ->
    if (!obj.name.toLowerCase().endsWith('.vhd')) {
        return
    }
    String name = obj.name.substring(obj.name.lastIndexOf('/') + 1) - ~/(?i)\.vhd$/
    if (name in taken) {
        println "skip    ${obj.name}: an image named ${name} exists"
    } else {
        println "${opt.dryRun ? 'would import' : 'import'}  ${obj.name} as ${name}"
        todo << [from: "${container.name}/${obj.name}".toString(), name: name]
        taken << name // two objects of one name in different folders: the first one only
    }
}
if (opt.dryRun || !todo) {
    println "${todo.size()} to import"
    return
}
def summary = tasks.awaitAll(todo.collect { tasks.importImage(it) })
print summary
if (!summary.allSucceeded) {
    throw new GlazeException("${summary.failed.size()} of ${todo.size()} imports failed")
}
