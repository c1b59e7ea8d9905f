// A bare Next page: the floor that every page's JavaScript is compared with.
export default function Page() {
  return <h1>Hello</h1>;
}
