//! Shrinking photos before they are stored: a phone photo of a sign-in
//! sheet is 3–8 MB; at 1600 pixels on its long side and JPEG quality 0.82
//! it stays readable at a few hundred KB. The browser decodes and encodes
//! (`createImageBitmap`, `OffscreenCanvas`); a picture it cannot decode,
//! or a result no smaller than the original, leaves the original as it was.

use js_sys::Uint8Array;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, BlobPropertyBag, ImageBitmap, ImageEncodeOptions, OffscreenCanvas,
    OffscreenCanvasRenderingContext2d,
};

/// The long side of a shrunk photo, in pixels.
pub const MAX_SIDE: u32 = 1600;

/// Types the browser can decode and that are worth shrinking.
pub fn is_photo(mime: &str) -> bool {
    matches!(mime, "image/jpeg" | "image/png" | "image/webp" | "image/heic")
}

/// The shrunk JPEG bytes of a photo, or `None` to keep the original.
pub async fn shrink(bytes: &[u8], mime: &str) -> Option<Vec<u8>> {
    let result = try_shrink(bytes, mime).await.ok().flatten();
    result.filter(|shrunk| shrunk.len() < bytes.len())
}

async fn try_shrink(
    bytes: &[u8],
    mime: &str,
) -> Result<Option<Vec<u8>>, JsValue> {
    let parts = js_sys::Array::of1(&Uint8Array::from(bytes));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let window = web_sys::window().ok_or("no window")?;
    let bitmap: ImageBitmap =
        JsFuture::from(window.create_image_bitmap_with_blob(&blob)?)
            .await?
            .unchecked_into();

    // Only ever smaller: a photo already within the limit is re-encoded
    // at its own size, which still saves most PNG screenshots.
    let (w, h) = (bitmap.width(), bitmap.height());
    if w == 0 || h == 0 {
        return Ok(None);
    }
    let scale = (MAX_SIDE as f64 / w.max(h) as f64).min(1.0);
    let (tw, th) = (
        ((w as f64 * scale).round() as u32).max(1),
        ((h as f64 * scale).round() as u32).max(1),
    );
    let canvas = OffscreenCanvas::new(tw, th)?;
    let context: OffscreenCanvasRenderingContext2d =
        canvas.get_context("2d")?.ok_or("no 2d context")?.unchecked_into();
    context.draw_image_with_image_bitmap_and_dw_and_dh(
        &bitmap, 0.0, 0.0, tw as f64, th as f64,
    )?;
    bitmap.close();

    let encode = ImageEncodeOptions::new();
    encode.set_type("image/jpeg");
    encode.set_quality(0.82);
    let out: Blob =
        JsFuture::from(canvas.convert_to_blob_with_options(&encode)?)
            .await?
            .unchecked_into();
    let buffer = JsFuture::from(out.array_buffer()).await?;
    Ok(Some(Uint8Array::new(&buffer).to_vec()))
}
