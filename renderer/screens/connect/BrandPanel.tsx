import { KeyboardIcon, ShapesIcon, WifiOffIcon } from '../../components/icons';
import { DemoCard } from './DemoCard';

const features = [
  {
    icon: ShapesIcon,
    title: 'Thousands of shapes, still fast',
    text: 'Fix boxes and polygons on dense scenes without the editor crawling.',
  },
  {
    icon: WifiOffIcon,
    title: 'No edit is ever lost',
    text: 'Work offline against a cached dataset; changes sync when you are back.',
  },
  {
    icon: KeyboardIcon,
    title: 'Keyboard-first review',
    text: 'Lowest-confidence-first queues and shortcuts you can remap.',
  },
];

/** The left half of the connect screen: what the product is, and the demo as the way to try it. */
export function BrandPanel() {
  return (
    <section className="brand" aria-labelledby="brand-heading">
      <p className="brand__eyebrow">Annotation review for Pictograph datasets</p>
      <h1 className="brand__heading" id="brand-heading">
        Review every label.
        <br />
        <span className="brand__heading-accent">Lose no edit.</span>
      </h1>
      <p className="brand__tagline">
        Page through large datasets, correct what annotators and models produced, and mark images done — online or off.
      </p>
      <ul className="brand__features">
        {features.map(({ icon: FeatureIcon, title, text }) => (
          <li key={title} className="brand__feature">
            <span className="brand__feature-icon">
              <FeatureIcon size={16} />
            </span>
            <span>
              <span className="brand__feature-title">{title}</span>
              <span className="brand__feature-text">{text}</span>
            </span>
          </li>
        ))}
      </ul>
      <DemoCard />
    </section>
  );
}
