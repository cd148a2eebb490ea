def dockerfile = new File(basedir, 'Dockerfile')
assert dockerfile.text == '''# a service whose image keeps what it downloads
FROM python:3.12-slim

RUN apt-get update \\
    && apt-get install -y curl
ADD app.py /app/
RUN pip install \\
        flask    # the web framework
CMD python /app/app.py
'''
def expectedPatch = '''--- a/Dockerfile
+++ b/Dockerfile
@@ -4,6 +4,6 @@
 RUN apt-get update \\
     && apt-get install -y curl
 ADD app.py /app/
-RUN pip install \\
+RUN pip install --no-cache-dir \\
         flask    # the web framework
-CMD python /app/app.py
+CMD ["python", "/app/app.py"]
'''
assert new File(basedir, 'target/layerlint/fix.patch').text == expectedPatch
// nothing but reports under target/ was written (.mvn/ is the invoker's)
assert (basedir.list() as List).minus(".mvn").sort() == ["Dockerfile", "app.py", "build.log", "invoker.properties", "pom.xml", "target", "verify.groovy"]
assert new File(basedir, 'target/layerlint').list().sort() == ['fix.json', 'fix.patch']

def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Dockerfile:7: [PipCacheKept] would fix: added --no-cache-dir to pip install')
assert log.contains('[INFO] +RUN pip install --no-cache-dir \\')
assert log.contains('[WARNING] Dockerfile:4:1: [AptListsNotRemoved] left: AptListsNotRemoved is not among the chosen fixes; add it to <fixes> (-Dlayerlint.fixes) to fix it')
assert log.contains('layerlint:fix: would fix 2 (PipCacheKept 1, ShellFormCommand 1); left ')
assert log.contains('nothing was changed (dry run), the diff is in target/layerlint/fix.patch')
assert log.contains('BUILD SUCCESS')
return true
