// lint and dockerignore ran and reported; inspect failed half way through the truncated archive.
def log = new File(basedir, 'build.log').text
assert log.contains('layerlint:lint: 0 errors, ')
assert log.contains('layerlint:dockerignore: 0 errors, ')
assert log.contains('images/cut.tar: ends after 1 entry without manifest.json or index.json: the archive is truncated')
assert log.contains('BUILD FAILURE')
assert !log.contains('recorded the baseline')

// Not one user file changed, appeared or vanished: same contents, same modification times.
def before = new File(basedir.parentFile, basedir.name + '.files').readLines().collectEntries {
    def (path, sha, modified) = it.split('\t')
    [(path): "${sha}\t${modified}".toString()]
}
def after = evaluate(new File(basedir, 'files.groovy'))(basedir)
assert after.keySet() == before.keySet()
after.each { path, state -> assert state == before[path] : "${path} changed" }
assert before.containsKey('layerlint-baseline.json') && before.containsKey('Dockerfile') && before.containsKey('.dockerignore')

// Everything the plugin wrote is in its output directory, and no temporary file is left there.
def written = []
new File(basedir, 'target').eachFileRecurse(groovy.io.FileType.FILES) { written << basedir.toPath().relativize(it.toPath()).toString() }
assert written.every { it.startsWith('target/layerlint/') } : written
assert written.contains('target/layerlint/lint.json')
assert written.contains('target/layerlint/dockerignore.json')
assert !written.any { it.endsWith('.tmp') } : written
