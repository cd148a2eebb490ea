import groovy.json.JsonSlurper

// Every finding of the "before" services, in report order: goal, rule, file and line.
def expected = [
    'dockerignore DockerignoreMissing fastapi/Dockerfile:6',
    'dockerignore RequiredExclusionMissing fastapi/Dockerfile:6',
    'dockerignore SecretInContext fastapi/Dockerfile:6',
    'dockerignore DockerignoreMissing nextjs/Dockerfile:4',
    'dockerignore DockerignoreMissing pip-worker/Dockerfile:7',
    'dockerignore DockerignoreMissing streamlit/Dockerfile:4',
    'lint RunsAsRoot apt-tools/Dockerfile:3',
    'lint AptListsNotRemoved apt-tools/Dockerfile:4',
    'lint AptUpdateAlone apt-tools/Dockerfile:4',
    'lint ConsecutiveRuns apt-tools/Dockerfile:4',
    'lint AptNoInstallRecommends apt-tools/Dockerfile:5',
    'lint CleanupInLaterLayer apt-tools/Dockerfile:6',
    'lint BaseImageFloatingTag fastapi/Dockerfile:4',
    'lint FullBaseImage fastapi/Dockerfile:4',
    'lint RunsAsRoot fastapi/Dockerfile:4',
    'lint DependenciesAfterSource fastapi/Dockerfile:7',
    'lint PipCacheKept fastapi/Dockerfile:7',
    'lint PythonBytecodeKept fastapi/Dockerfile:7',
    'lint MissingHealthcheck fastapi/Dockerfile:8',
    'lint BaseImageUnpinned nextjs/Dockerfile:2',
    'lint FullBaseImage nextjs/Dockerfile:2',
    'lint RunsAsRoot nextjs/Dockerfile:2',
    'lint ConsecutiveRuns nextjs/Dockerfile:5',
    'lint DependenciesAfterSource nextjs/Dockerfile:5',
    'lint DevDependenciesInImage nextjs/Dockerfile:5',
    'lint PackageCacheKept nextjs/Dockerfile:5',
    'lint MissingHealthcheck nextjs/Dockerfile:7',
    'lint BaseImageFloatingTag pip-worker/Dockerfile:4',
    'lint FullBaseImage pip-worker/Dockerfile:4',
    'lint RunsAsRoot pip-worker/Dockerfile:4',
    'lint AptListsNotRemoved pip-worker/Dockerfile:6',
    'lint AptNoInstallRecommends pip-worker/Dockerfile:6',
    'lint BuildToolchainInImage pip-worker/Dockerfile:6',
    'lint ConsecutiveRuns pip-worker/Dockerfile:8',
    'lint DependenciesAfterSource pip-worker/Dockerfile:8',
    'lint PipCacheKept pip-worker/Dockerfile:8',
    'lint PythonBytecodeKept pip-worker/Dockerfile:8',
    'lint CleanupInLaterLayer pip-worker/Dockerfile:9',
    'lint CleanupInLaterLayer pip-worker/Dockerfile:10',
    'lint BaseImageFloatingTag streamlit/Dockerfile:2',
    'lint FullBaseImage streamlit/Dockerfile:2',
    'lint RunsAsRoot streamlit/Dockerfile:2',
    'lint DependenciesAfterSource streamlit/Dockerfile:5',
    'lint PipCacheKept streamlit/Dockerfile:5',
    'lint PythonBytecodeKept streamlit/Dockerfile:5',
    'lint MissingHealthcheck streamlit/Dockerfile:6',
]

// The guide's "Checklist for Optimal Layers": every item has a finding.
def checklist = [
    'Multi-stage build implemented (builder + runtime)',
    'Base image uses -slim or -alpine variant',
    '.dockerignore file created (excludes tests, docs, .git)',
    'Dependencies installed before copying code',
    '--no-cache-dir flags used for package managers',
    'System packages cleaned up in same RUN command',
    'Only production dependencies installed in runtime stage',
    'Non-root user created for security',
    'Health check added (for services with HTTP endpoints)',
    'Related RUN commands combined with &&',
    'Image tagged with version/commit hash',
]

def reports = ['dockerignore', 'lint'].collectEntries { goal ->
    [goal, new JsonSlurper().parse(new File(basedir, "target/layerlint/${goal}.json")).findings]
}
def found = reports.collectMany { goal, findings -> findings.collect { "$goal ${it.ruleId} ${it.file}:${it.line}".toString() } }
if (found != expected) {
    throw new AssertionError("findings differ from the expected list: new ${found - expected}, gone ${expected - found} (or the order changed)")
}
assert reports.values().flatten().collect { it.checklist }.findAll() as Set == checklist as Set

def log = new File(basedir, 'build.log').text.replaceAll(/\u001B\[[;\d]*m/, '')
assert log.contains('layerlint:dockerignore: 1 error, 5 warnings, 0 infos (failOn=none: reported, not failing)')
// the failure at the end counts what every goal printed, also the dockerignore errors that did not fail the build
assert log.contains('report: target/layerlint/lint.json; earlier in this module: layerlint:dockerignore: 1 error, 5 warnings, 0 infos (failOn=none)')
assert log.contains('Failed to execute goal dev.layerlint:layerlint-maven-plugin:0.1.0-SNAPSHOT:lint (default) on project seed-before: '
        + 'layerlint:lint: 0 errors, 26 warnings, 14 infos (failOn=warning)')
assert log.contains('BUILD FAILURE')

// README.md shows the build's output: its layerlint lines are exactly the build's.
def layerlintLines = { String text -> text.readLines().findAll { it ==~ /\[(INFO|WARNING|ERROR)\] (layerlint:|[\w-]+\/Dockerfile:).*/ } }
def shown = layerlintLines(new File(basedir, 'README.md').text)
def printed = layerlintLines(log)
if (shown != printed) {
    throw new AssertionError("README.md's expected output is not the build's: only in README.md ${shown - printed}, only in the build ${printed - shown}")
}
// The repository README's "What you get" sample is an excerpt of the same output: each of its lines is a line of
// the build's (from its start), where `…` stands for any text and a line of its own for any number of lines.
// So is the quick start's sample in docs/index.md (section 2).
def readme = new File(basedir, '../../../README.md').text
def quickStart = new File(basedir, '../../../docs/index.md').text
def samples = [
        'README.md "What you get"': (readme =~ /(?s)## What you get\s+```\n(.*?)```/)[0][1],
        'docs/index.md section 2': (quickStart =~ /(?s)## 2\. The first `mvn verify`.*?```\n(?:mvn verify\n)?```.*?```\n(.*?)```/)[0][1]]
def logLines = log.readLines()
samples.each { where, text ->
    def sample = text.readLines().findAll { it != '…' }
    assert sample.size() >= 4: where
    def missing = sample.findAll { line ->
        def pattern = '^' + line.split('…', -1).collect { java.util.regex.Pattern.quote(it) }.join('.*')
        !logLines.any { (it =~ pattern).find() }
    }
    if (missing) {
        throw new AssertionError("${where}: lines that the build does not print: ${missing}")
    }
}
return true
