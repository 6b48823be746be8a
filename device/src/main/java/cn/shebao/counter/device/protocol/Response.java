package cn.shebao.counter.device.protocol;

import java.util.Arrays;

/** A module response: SW1 SW2 SW3 and the data after them. */
public record Response(int sw1, int sw2, int sw3, byte[] data) {

    public static Response of(byte[] body) throws FrameException {
        if (body.length < 3) {
            throw new FrameException(FrameException.Problem.TOO_SHORT_FOR_KIND, "a response needs SW1 SW2 SW3");
        }
        return new Response(body[0] & 0xFF, body[1] & 0xFF, body[2] & 0xFF, Arrays.copyOfRange(body, 3, body.length));
    }

    public static byte[] frame(ModuleStatus status, byte[] data) {
        byte[] body = new byte[3 + data.length];
        body[2] = (byte) status.code();
        System.arraycopy(data, 0, body, 3, data.length);
        return Ga467Frame.wrap(body);
    }

    public ModuleStatus status() {
        return ModuleStatus.of(sw3);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Response r && r.sw1 == sw1 && r.sw2 == sw2 && r.sw3 == sw3 && Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (sw1 * 961 + sw2 * 31 + sw3) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Response[" + status() + ", " + data.length + " data bytes]";
    }
}
