pub mod decode;
pub mod normalize;
pub mod segment;
