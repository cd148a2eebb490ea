import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermissions

Files.setPosixFilePermissions(new File(basedir, 'Dockerfile').toPath(), PosixFilePermissions.fromString('r--r--r--'))
return true
