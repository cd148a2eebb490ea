// a database dump left in the project directory
def dump = new File(basedir, 'data/dump.sql')
dump.parentFile.mkdirs()
dump.bytes = new byte[50000]
def extract = new File(basedir, 'data/extract.csv')
extract.bytes = new byte[12000]
return true
