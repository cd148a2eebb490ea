import groovy.json.JsonSlurper
import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermissions

def dockerfile = new File(basedir, 'Dockerfile')
assert dockerfile.text == '''# a service whose image keeps what it downloads
FROM python:3.12-slim

RUN apt-get update \\
    && apt-get install -y curl \\
    && rm -rf /var/lib/apt/lists/*
COPY app.py /app/
RUN pip install --no-cache-dir \\
        flask    # the web framework
CMD ["python", "/app/app.py"]
'''
// the rewrite keeps the file's mode
assert PosixFilePermissions.toString(Files.getPosixFilePermissions(dockerfile.toPath())) == 'rw-r-----'
// no temporary file is left beside it
assert basedir.list().findAll { it.contains('layerlint-fix') } == []

def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Dockerfile:4: [AptListsNotRemoved] fixed: ended the RUN with rm -rf /var/lib/apt/lists/*')
assert log.contains('[INFO] Dockerfile:6: [AddForLocalFile] fixed: ADD became COPY')
assert log.contains('[INFO] Dockerfile:7: [PipCacheKept] fixed: added --no-cache-dir to pip install')
assert log.contains('[INFO] Dockerfile:9: [ShellFormCommand] fixed: CMD in JSON form')
assert log.contains('[WARNING] Dockerfile:2:1: [RunsAsRoot] left: no automatic fix: which user to run as, and which files it must own, is a choice')
assert log.contains('layerlint:fix: fixed 4 (AddForLocalFile 1, AptListsNotRemoved 1, PipCacheKept 1, ShellFormCommand 1); left ')
assert log.contains('BUILD SUCCESS')
def report = new JsonSlurper().parse(new File(basedir, 'target/layerlint/fix.json'))
assert report.goal == 'fix'
assert report.fixed == [AddForLocalFile: 1, AptListsNotRemoved: 1, PipCacheKept: 1, ShellFormCommand: 1]
assert report.changedFiles == ['Dockerfile']
assert !report.findings*.ruleId.contains('PipCacheKept')
return true
