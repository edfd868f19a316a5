/**
 * What listings reuse until the model changes: each sort order of the items, and each item's wire JSON
 * text (per variant: a microversion, an admin's view). At 50,000 images, building and serialising every
 * page anew cost the simulator ~1.5 s of CPU per full listing, on the same cores as the page under test.
 */
export class ListCache<T extends object> {
  private version = -1;
  private readonly orders = new Map<string, T[]>();
  private readonly texts = new Map<string, Map<T, string>>();

  /** The cache for the model at `version`: emptied when the model changed since it was filled. */
  at(version: number): this {
    if (this.version !== version) {
      this.version = version;
      this.orders.clear();
      this.texts.clear();
    }
    return this;
  }

  order(key: string, make: () => T[]): T[] {
    let hit = this.orders.get(key);
    if (!hit) {
      hit = make();
      this.orders.set(key, hit);
    }
    return hit;
  }

  text(variant: string, item: T, make: (item: T) => unknown): string {
    let byItem = this.texts.get(variant);
    if (!byItem) {
      byItem = new Map();
      this.texts.set(variant, byItem);
    }
    let hit = byItem.get(item);
    if (hit === undefined) {
      hit = JSON.stringify(make(item));
      byItem.set(item, hit);
    }
    return hit;
  }
}
