fn main() {
    match china_singapore::try_dataset() {
        Ok(ds) => println!("{} records", ds.len()),
        Err(e) => println!("{e}"),
    }
}
