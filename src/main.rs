fn main() {
    let dict = chronicle::dict::Dictionaries::builtin().expect("dictionaries");
    println!("{} actors", dict.actors.len());
}
