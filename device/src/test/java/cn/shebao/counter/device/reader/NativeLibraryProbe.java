package cn.shebao.counter.device.reader;

import com.fazecast.jSerialComm.SerialPort;
import java.nio.file.Path;

/** Child JVM for {@link SerialNativeLibraryTest}: a fresh process, so jSerialComm initialises after the property is set. */
public final class NativeLibraryProbe {

    private NativeLibraryProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = SerialNativeLibrary.installInto(Path.of(args[0]));
        int ports = SerialPort.getCommPorts().length;
        System.out.println("dir=" + dir);
        System.out.println("version=" + SerialPort.getVersion());
        System.out.println("ports=" + ports);
        System.out.println("loaded=" + SerialNativeLibrary.loadedFrom().map(Path::toString).orElse("?"));
    }
}
