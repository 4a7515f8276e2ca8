package dev.glaze.shell

import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/** The command line in-process: help, version, and every kind of bad input, without System.exit. */
class MainSpec extends Specification {
    @TempDir
    Path tmp

    Map run(String... args) {
        def out = new ByteArrayOutputStream()
        def err = new ByteArrayOutputStream()
        int code = Main.run(args, new PrintStream(out, true, 'UTF-8'), new PrintStream(err, true, 'UTF-8'))
        [code: code, out: out.toString('UTF-8'), err: err.toString('UTF-8')]
    }

    def "--help explains every command and every option, on stdout"() {
        when:
        def r = run(flag)

        then:
        r.code == 0
        r.err == ''
        r.out.startsWith('Usage: glaze')
        r.out.contains('serve ')
        (ShellOptions.global().options + ShellOptions.serve().options).every { r.out.contains('--' + it.longOpt) }
        def text = r.out.replaceAll(/\s+/, ' ')     // descriptions are wrapped at 80 columns
        text.contains('default 9292')
        text.contains('default 127.0.0.1')
        text.contains('default ~/.glaze/local')
        text.contains('default rackspace')
        text.contains('Exit codes: 0 done, 1 the command failed')
        r.out.readLines().every { it.length() <= 80 }

        where:
        flag << ['--help', '-h']
    }

    def "--help shows the REPL, -e, scripts and their options, with examples"() {
        when:
        def r = run('--help')

        then:
        r.code == 0
        r.out.contains('glaze [OPTIONS] -e EXPR')
        r.out.contains('glaze [OPTIONS] SCRIPT [ARGS]')
        ['--cloud NAME', '--region NAME', '--local', '--data DIR', '--json', '--debug', '-e, --eval EXPR'].every {
            r.out.contains(it)
        }
        r.out.contains('Examples:')
        r.out.replaceAll(/\s+/, ' ').contains("3 the cloud's settings or sign-in failed")
    }

    def "--version prints one line with the build's version"() {
        when:
        def r = run(flag)

        then:
        r.code == 0
        r.out.readLines().size() == 1
        r.out ==~ /glaze \d+\.\d+\.\d+(-SNAPSHOT)? \(Java .+\)\n/

        where:
        flag << ['--version', '-V']
    }

    def "serve --help describes the one stdout line, the signals and every serve option"() {
        when:
        def r = run('serve', '--help')

        then:
        r.code == 0
        r.err == ''
        r.out.startsWith('Usage: glaze serve')
        r.out.contains('glaze image service listening on http://HOST:PORT')
        r.out.contains('SIGTERM')
        ShellOptions.serve().options.every { r.out.contains('--' + it.longOpt) }
    }

    def "a bad command line '#args' exits 2 with one line naming the problem"() {
        when:
        def r = run(args as String[])

        then:
        r.code == 2
        r.out == ''
        r.err.readLines().size() == 1
        r.err.startsWith('glaze: ')
        r.err.contains(says)
        !r.err.contains('Exception')

        where:
        args                                      || says
        ['serve', '--prot', '1']                  || "unknown option '--prot'"
        ['serve', '--po', '1']                    || "unknown option '--po'"     // no guessing of abbreviations
        ['serve', '--port']                       || '--port needs a value (--port N)'
        ['serve', '--port', 'abc']                || "--port takes a number from 0 to 65535 (0 = any free port), not 'abc'"
        ['serve', '--port', '65536']              || "not '65536'"
        ['serve', '--port', '-1']                 || "not '-1'"
        ['serve', '--port', '1', '--port', '2']   || '--port is given 2 times'
        ['serve', '--profile', 'havana']          || "unknown profile 'havana': use rackspace or openstack"
        ['serve', '--bind', 'no-such-host.invalid'] || "--bind 'no-such-host.invalid' does not resolve"
        ['serve', '--bind', '']                   || '--bind needs an address'
        ['serve', '--data', '']                   || '--data needs a folder name'
        ['serve', 'now']                          || "serve takes no arguments, but got 'now'"
        ['serve', '--auth', 'ldap']               || "--auth takes none or keystone, not 'ldap'"
        ['serve', '--auth', 'keystone']           || '--auth keystone needs --users FILE'
        ['serve', '--users', 'u.json']            || '--users is only read with --auth keystone'
        ['serve', '--auth', 'keystone', '--users', '/no/such/users.json'] || '--users /no/such/users.json: no such file'
        ['serve', '--token-ttl', '5x']            || "--token-ttl takes a duration such as 250ms, 30s, 5m or 24h, not '5x'"
        ['serve', '--token-ttl', '0s']            || '--token-ttl: tokenTtl must be positive'
        ['serve', '--task-delay', 'soon']         || "--task-delay takes a duration such as 250ms, 30s, 5m or 24h, not 'soon'"
        ['serve', '--regions', 'DFW,DFW']         || '--regions: region DFW is listed twice'
        ['serve', '--regions', 'DFW,../x']        || "--regions: region name '../x' is not allowed"
        ['--port', '9292']                        || "unknown option '--port'; see glaze --help (options of serve go after the word serve)"
        ['--nope']                                || "unknown option '--nope'"
        ['sevre']                                 || "unknown command 'sevre'; the commands are: serve, or the path of a Groovy script"
        ['backup.groovy']                         || 'script file backup.groovy does not exist'
        ['--cloud', 'a', '--local', '-e', '1']    || '--cloud and --local both choose the cloud; give one of them'
        ['-e']                                    || '--eval needs a value (--eval EXPR)'
    }

    def "a data folder that is a file exits 1 and says to choose another"() {
        given:
        def file = Files.writeString(tmp.resolve('not-a-folder'), 'x')

        when:
        def r = run('serve', '--port', '0', '--data', where(file).toString())

        then:
        r.code == 1
        r.out == ''
        r.err.readLines().size() == 1
        r.err.contains(says)
        r.err.contains('choose another folder with --data DIR')

        where:
        where                         || says
        ({ Path f -> f })             || 'is not a folder but a file'
        ({ Path f -> f.resolve('x') }) || 'cannot create data folder'
    }

    def "a damaged image file in the data folder exits 1 naming the folder, not as an internal error"() {
        given:
        def data = tmp.resolve('data')
        def images = Files.createDirectories(data.resolve('regions/local/images'))
        Files.writeString(images.resolve('0bad.json'), '[1]')

        when:
        def r = run('serve', '--port', '0', '--data', data.toString())

        then:
        r.code == 1
        r.out == ''
        r.err.readLines().size() == 1
        r.err.startsWith("glaze: cannot open the images in data folder ${data}: ")
        r.err.contains('choose another with --data DIR')
    }

    def "an unusable users file exits 1 naming the file and the problem, and no secret"() {
        given:
        def users = tmp.resolve('users.json')
        Files.writeString(users, '{"users": [{"name": "alice", "password": "s3cret-pw"}]}')

        when:
        def r = run('serve', '--port', '0', '--auth', 'keystone', '--users', users.toString(),
                '--data', tmp.resolve('data').toString())

        then:
        r.code == 1
        r.out == ''
        r.err.readLines().size() == 1
        r.err.startsWith("glaze: users file ${users}")
        !r.err.contains('s3cret-pw')
    }

    def "a port in use exits 1 and says to choose another port"() {
        given:
        def taken = new ServerSocket(0, 1, InetAddress.getByName('127.0.0.1'))

        when:
        def r = run('serve', '--port', "${taken.localPort}", '--data', tmp.resolve('data').toString())

        then:
        r.code == 1
        r.out == ''
        r.err == "glaze: port ${taken.localPort} on 127.0.0.1 is already in use; stop the program using it" +
                " or choose another port with --port N (0 = any free port)\n"

        cleanup:
        taken?.close()
    }

    def "an address that is not this machine's exits 1"() {
        when:
        // 192.0.2.1 is TEST-NET-1 (RFC 5737): a valid address that no machine of ours has
        def r = run('serve', '--port', '0', '--bind', '192.0.2.1', '--data', tmp.resolve('data').toString())

        then:
        r.code == 1
        r.out == ''
        r.err.readLines().size() == 1
        r.err.startsWith('glaze: cannot listen on 192.0.2.1 port 0: ')
    }
}
