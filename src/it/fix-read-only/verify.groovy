import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermissions

def dockerfile = new File(basedir, 'Dockerfile')
assert PosixFilePermissions.toString(Files.getPosixFilePermissions(dockerfile.toPath())) == 'r--r--r--'
assert dockerfile.text.contains('RUN pip install \\\n')
assert dockerfile.text.contains('CMD python /app/app.py\n')
def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] layerlint:fix: Dockerfile is read-only, so layerlint:fix leaves it as it is; make it writable (chmod u+w) or see the changes with -Dlayerlint.fix.dryRun=true')
assert log.contains('layerlint:fix: 1 Dockerfile not fixed: Dockerfile is read-only')
assert !log.contains('Caused by: java.lang')
// writable again, so that the next build can clean up
Files.setPosixFilePermissions(dockerfile.toPath(), PosixFilePermissions.fromString('rw-r--r--'))
return true
