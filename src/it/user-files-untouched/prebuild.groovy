// A truncated image archive: one entry of a tar whose stream stops before the end-of-archive marker.
def images = new File(basedir, 'images')
images.mkdirs()
new File(images, 'VERSION').text = '1.0'
def tar = ['tar', '-cf', 'cut.tar', 'VERSION'].execute(null, images)
tar.waitForProcessOutput(System.out, System.err)
assert tar.exitValue() == 0
new File(images, 'VERSION').delete()
new RandomAccessFile(new File(images, 'cut.tar'), 'rw').withCloseable { it.setLength(1024) }

// Every file of the project as the user left it: contents and modification time.
def snapshot = new File(basedir.parentFile, basedir.name + '.files')
def userFiles = evaluate(new File(basedir, 'files.groovy'))
snapshot.text = userFiles(basedir).collect { "${it.key}\t${it.value}" }.join('\n')
return true
