assert new File(basedir, 'Dockerfile').text == 'FROM python:3.12-slim\nRUN pip install flask\nCMD ["python", "app.py"]\n'
def log = new File(basedir, 'build.log').text
assert log.contains('layerlint: applying .hadolint.yaml (1 rule settings)')
assert log.contains('[INFO] Dockerfile:3: [ShellFormCommand] fixed: CMD in JSON form')
assert !log.contains('[PipCacheKept]')
assert log.contains('BUILD SUCCESS')
return true
