import groovy.json.JsonSlurper

// The same Dockerfile built by Docker and by Podman gives the same figures, from the daemon, with
// docker=podman and through containers-storage:; the hard link keeps its data and its health check.
def helpers = evaluate(new File(basedir, '../../../src/it/docker/docker.groovy'))
def docker = helpers.docker
def podman = { String... args ->
    def process = (['podman'] + args.toList()).execute()
    def out = new StringBuilder()
    def err = new StringBuilder()
    process.waitForProcessOutput(out, err)
    assert process.exitValue() == 0: "podman ${args.join(' ')}: ${err}"
    return out.toString().trim()
}

try {
    def log = new File(basedir, 'build.log').text
    assert log.contains('BUILD SUCCESS')

    // three executions of inspect in one module: each report is named after its execution
    def reports = ['docker', 'podman', 'containers-storage'].collectEntries { run ->
        [(run): new JsonSlurper().parse(new File(basedir, "target/${run}/inspect-${run}.json"))]
    }
    assert reports.docker.image.reference == 'layerlint-it/inspect-podman:docker'
    assert reports.podman.image.reference == 'layerlint-it/inspect-podman:podman'
    assert reports['containers-storage'].image.reference == 'containers-storage:localhost/layerlint-it/inspect-podman:podman'

    assert reports.docker.image.id == docker('image', 'inspect', '--format', '{{.Id}}', 'layerlint-it/inspect-podman:docker')
    def podmanId = 'sha256:' + podman('image', 'inspect', '--format', '{{.Id}}', 'layerlint-it/inspect-podman:podman')
    assert reports.podman.image.id == podmanId
    assert reports['containers-storage'].image.id == podmanId
    def podmanDiffIds = podman('image', 'inspect', '--format', '{{range .RootFS.Layers}}{{println .}}{{end}}',
            'layerlint-it/inspect-podman:podman').readLines().findAll { it }
    assert reports.podman.image.layers*.digest == podmanDiffIds

    // by hand: 40,000 bytes stored once for /hl/a.sh and /hl/b.sh; rm /hl/a.sh wastes nothing (/hl/b.sh shows them);
    // 100,000 bytes in /big, all wasted by rm /big
    for (report in reports.values()) {
        def image = report.image
        assert image.layers.drop(1)*.size == [40_000, 0, 100_000, 0]
        assert image.layers*.wastedBytes == [0, 0, 0, 0, 100_000]
        assert image.wastedBytes == 100_000
        assert image.size == image.layers[0].size + 140_000
        assert image.layers.drop(1)*.instruction*.line == [2, 3, 4, 5]
        assert image.efficiency == reports.docker.image.efficiency
        assert image.layers[0].size == reports.docker.image.layers[0].size
        assert report.budgets.find { it.name == 'maxWastedBytes' }.actualValue == 100_000
        // HEALTHCHECK CMD ["/hl/b.sh"]: a hard link to the executable /hl/a.sh, whose own name is gone
        assert report.findings.findAll { it.ruleId == 'MissingExecutable' } == []
    }
    assert reports.docker.image.size == docker('image', 'inspect', '--format', '{{.Size}}', 'layerlint-it/inspect-podman:docker') as long
} finally {
    // the image leaves Podman's storage once its figures are checked
    ['podman', 'image', 'rm', '-f', 'layerlint-it/inspect-podman:podman'].execute().waitFor()
}
return true
