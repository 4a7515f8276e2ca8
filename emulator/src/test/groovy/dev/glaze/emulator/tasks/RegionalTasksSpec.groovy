package dev.glaze.emulator.tasks

import dev.glaze.emulator.ImageService
import dev.glaze.emulator.ServiceConfig
import dev.glaze.emulator.testing.Target
import dev.glaze.emulator.testing.TaskPolling
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration

/** Each region has its own tasks, in its own folder, importing from its own object store. */
class RegionalTasksSpec extends Specification {
    @Shared @TempDir Path dir
    @Shared @AutoCleanup ImageService service

    def setupSpec() {
        service = ImageService.start(ServiceConfig.builder(dir).port(0).regions(['DFW', 'ORD'])
                .taskDelay(Duration.ZERO).build())
    }

    Target at(String region) {
        new Target(region, 'rackspace', URI.create("${service.url()}/${region}"), false)
    }

    def "a task created in one region is not in another, and its file is in its region's folder"() {
        when:
        def id = at('DFW').post('/v2/tasks', [type: 'export', input: [image_uuid: 'x', receiving_swift_container: 'c']])
                .json.id

        then:
        at('DFW').get("/v2/tasks/${id}").status == 200
        at('ORD').get("/v2/tasks/${id}").status == 404
        !at('ORD').get('/v2/tasks').json.tasks*.id.contains(id)
        Files.exists(dir.resolve("regions/DFW/tasks/${id}.json"))
        !Files.exists(dir.resolve("regions/ORD/tasks/${id}.json"))
    }

    def "an import reads the object store of its own region"() {
        given:
        def dfw = at('DFW')
        assert dfw.send('PUT', '/v1/AUTH_local/c', null).status == 201
        assert dfw.send('PUT', '/v1/AUTH_local/c/o.vhd', 'bytes'.bytes).status == 201
        def body = [type: 'import', input: [import_from: 'c/o.vhd', image_properties: [name: 'regional']]]

        expect:
        TaskPolling.await(dfw, dfw.post('/v2/tasks', body).json.id as String).status == 'success'
        TaskPolling.await(at('ORD'), at('ORD').post('/v2/tasks', body).json.id as String).message ==
                "Error: Image not found for import. Possible invalid location: there is no container 'c'"
    }
}
