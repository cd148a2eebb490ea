def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
def page = new File(basedir, 'target/reports/layerlint.html')
assert page.isFile()
def html = page.text
assert html.contains('Reports read from target/layerlint.')
assert html.contains('lint: 0 errors, 3 warnings, 1 info')
assert html.contains('Dockerfile:4')
assert html.contains('ConsecutiveRuns')
return true
