// Run on its own, the report goal writes the html format's page for the goals' reports.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
def page = new File(basedir, 'target/reports/layerlint.html')
assert log.contains("layerlint: wrote ${page.canonicalFile}".toString()) || log.contains("layerlint: wrote ${page}".toString())
def html = page.text
assert html.contains('<a href="#goal-lint"><strong>lint</strong>0 errors, 3 warnings, 1 info</a>')
assert html.contains('<span class="location">Dockerfile:4</span>')
assert html.contains('docs/rules/ConsecutiveRuns.md">ConsecutiveRuns</a>')
assert html.contains("from the goals' JSON reports.</footer>")
// and it analyses nothing itself: the JSON report it read is the lint goal's
assert new File(basedir, 'target/layerlint/lint.json').isFile()
// The site's page, rendered by maven-site-plugin through the report interface.
def sitePage = new File(basedir, 'target/site/layerlint.html').text
assert log.contains('Generating "layerlint" report')
assert sitePage.contains('Reports read from target/layerlint.')
assert sitePage.contains('lint: 0 errors, 3 warnings, 1 info')
assert sitePage.contains('<td>Dockerfile:4</td>')
assert sitePage.contains('<td>ConsecutiveRuns</td>')
return true
