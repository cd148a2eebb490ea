import java.security.MessageDigest

// Every file of the project outside target/ (and the invoker's build.log), with the SHA-256 of its contents and
// its modification time: evaluate(new File(basedir, 'files.groovy'))(basedir)
return { File root ->
    def files = new TreeMap<String, String>()
    root.eachFileRecurse(groovy.io.FileType.FILES) { file ->
        def path = root.toPath().relativize(file.toPath()).toString()
        if (!path.startsWith('target/') && path != 'build.log') {
            def sha = MessageDigest.getInstance('SHA-256').digest(file.bytes).encodeHex().toString()
            files[path] = "${sha}\t${file.lastModified()}".toString()
        }
    }
    files
}
