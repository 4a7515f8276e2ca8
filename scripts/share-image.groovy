#!/usr/bin/env glaze
// share-image.groovy -- share an image with another project and, with that project's cloud, accept it there.
//
// Usage:   glaze share-image.groovy [--accept-with CLOUD] [--dry-run] IMAGE PROJECT
// Args:    IMAGE               the image's name or id (a name must be unique)
//          PROJECT             the id of the project (Rackspace: tenant) to share with
//          --accept-with CLOUD a cloud of clouds.yaml signed in as that project: accept the image there too
//          --dry-run           print what would be done
// Effects: makes the image shared (visibility "shared" on upstream Glance, where members need it) and adds PROJECT
//          as a member;
//          with --accept-with, sets the member's status to accepted, so the image shows in that project's
//          listing. Running it again changes nothing.

def opt = ScriptArgs.parse(args, 'share-image.groovy [--accept-with CLOUD] [--dry-run] IMAGE PROJECT',
        [acceptWith: '', dryRun: false])
if (opt.rest.size() != 2) {
    throw opt.usage('give the IMAGE (name or id) and the PROJECT to share it with')
}
def (String which, String project) = opt.rest
Image image = images[which]
def member = image.members.find { it.memberId == project }
if (member) {
    println "${image.name} is already shared with ${project} (${member.status})"
} else if (opt.dryRun) {
    println "would share ${image.name} (${image.id}) with ${project}"
} else {
    // upstream Glance (API 2.5 and later) takes members only on a "shared" image; Rackspace's has no such visibility
    if (cloud.profile == ServiceProfile.OPENSTACK && image.visibility == 'private') {
        image.update { it.visibility = 'shared' }
    }
    member = image.share(project)
    println "shared ${image.name} (${image.id}) with ${project}: ${member.status}"
}
if (opt.acceptWith) {
    if (opt.dryRun) {
        println "would accept ${image.id} as ${opt.acceptWith}"
    } else {
        def theirs = clouds[opt.acceptWith].images.byId(image.id)
        println "accepted by ${opt.acceptWith}: ${theirs.accept().status}"
    }
}
