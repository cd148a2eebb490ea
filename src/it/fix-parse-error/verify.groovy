assert new File(basedir, 'Dockerfile').text == 'FROM python:3.12-slim\nRUN pip install flask\nCOPY --form=build /app /app\n'
def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] layerlint:fix: Dockerfile:3: unknown flag: --form: the file does not parse, so it was left as it is; fix the syntax and run layerlint:fix again')
assert !log.contains('Caused by: java.lang')
return true
