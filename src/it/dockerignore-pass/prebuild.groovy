// what an earlier `mvn package` and an IDE leave in the service directory
def service = new File(basedir, 'service')
def write = { String path, int bytes ->
    def file = new File(service, path)
    file.parentFile.mkdirs()
    file.bytes = new byte[bytes]
}
write('target/service-1.0.jar', 4096)
write('target/classes/dev/example/App.class', 600)
write('target/maven-status/inputFiles.lst', 90)
write('.idea/workspace.xml', 300)
return true
