package cn.shebao.counter.device.card;

import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * Turns the card's photo bytes (vendor WLT compression) into an image. Decoding WLT needs the card
 * vendor's licensed library, which this project does not bundle: {@link #NONE} is the default and the
 * clerk is told the photo cannot be shown. A centre that licenses a decoder plugs it in here.
 */
@FunctionalInterface
public interface PhotoDecoder {

    /** No decoder installed: every photo stays undecoded. */
    PhotoDecoder NONE = photo -> Optional.empty();

    Optional<BufferedImage> decode(byte[] photo);
}
