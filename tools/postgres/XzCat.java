// stdin (.xz) -> stdout (decompressed), like `xz -dc`. Used by
// postgres-server.sh only when the machine has no `xz` binary (so `tar -J`
// cannot work): run in source-file mode with the org.tukaani:xz jar that
// pom.xml copies next to the fetched archive:
//   java -cp xz.jar XzCat.java <postgres-linux-x86_64.txz | tar -x
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import org.tukaani.xz.XZInputStream;

public class XzCat {
  public static void main(String[] args) throws Exception {
    try (InputStream in = new XZInputStream(new BufferedInputStream(System.in, 1 << 16));
         OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16)) {
      in.transferTo(out);
    }
  }
}
