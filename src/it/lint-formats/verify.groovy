import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

// the build fails on its warnings, and every requested format is written all the same
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
def out = new File(basedir, 'target/layerlint')

def sarif = new JsonSlurper().parse(new File(out, 'lint.sarif'))
assert sarif.version == '2.1.0'
def results = sarif.runs[0].results.collect { "${it.ruleId}@${it.locations[0].physicalLocation.region.startLine}:${it.level}".toString() }
assert results == ['BaseImageUnpinned@1:warning', 'RunsAsRoot@1:warning', 'ConsecutiveRuns@4:note', 'ShellFormCommand@6:warning']
assert sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri == 'Dockerfile'
assert sarif.runs[0].tool.driver.rules*.id == ['BaseImageUnpinned', 'ConsecutiveRuns', 'RunsAsRoot', 'ShellFormCommand']

def checkstyle = new XmlSlurper().parse(new File(out, 'lint-checkstyle.xml'))
assert checkstyle.file.@name.text() == 'Dockerfile'
assert checkstyle.file.error.collect { it.@source.text() } ==
        ['layerlint.BaseImageUnpinned', 'layerlint.RunsAsRoot', 'layerlint.ConsecutiveRuns', 'layerlint.ShellFormCommand']

def junit = new XmlSlurper().parse(new File(out, 'TEST-layerlint-lint.xml'))
assert junit.@name.text() == 'layerlint.lint'
assert junit.@failures.text() == '3'
def failed = junit.testcase.findAll { it.failure.size() > 0 }.collect { it.@name.text() }
assert failed == ['BaseImageUnpinned', 'RunsAsRoot', 'ShellFormCommand']
assert junit.testcase.find { it.@name.text() == 'ConsecutiveRuns' }.'system-out'.text().contains('Dockerfile:4:1: [ConsecutiveRuns]')

def codequality = new JsonSlurper().parse(new File(out, 'lint-codequality.json'))
assert codequality*.check_name == ['BaseImageUnpinned', 'RunsAsRoot', 'ConsecutiveRuns', 'ShellFormCommand']
assert codequality[2].location == [path: 'Dockerfile', lines: [begin: 4, end: 5]]
assert codequality*.fingerprint.unique().size() == 4

def markdown = new File(out, 'lint.md').text
assert markdown.startsWith('### layerlint lint: 0 errors, 3 warnings, 1 info\n')
assert markdown.contains('| info | `Dockerfile:4:1` | [ConsecutiveRuns](')
assert new File(basedir, 'step-summary.md').text == markdown + '\n'

def html = new File(out, 'index.html').text
assert html.contains('<section class="goal" id="goal-lint">')
assert html.contains('<span class="line hit"><span class="no">4</span>RUN pip install -r requirements.txt</span>')
return true
