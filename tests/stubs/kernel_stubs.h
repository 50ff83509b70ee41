/*
 * Minimal declarations, written for devmify's golden tests, so that every case
 * compiles with `gcc -fsyntax-only -Wall -Wextra` before and after conversion.
 * Only what the cases use; no kernel source.
 */

/* The kernel builds with -Wno-unused-parameter even at W=1; so do the cases
 * (an emptied usb .disconnect keeps its unused parameter). */
#pragma GCC diagnostic ignored "-Wunused-parameter"
#include <stddef.h>
#include <stdbool.h>

typedef unsigned int gfp_t;
typedef unsigned long long resource_size_t;
typedef unsigned long long dma_addr_t;
typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef int s32;
#define GFP_KERNEL 0u
#define PAGE_SIZE 4096ul
#define ENOMEM 12
#define EINVAL 22
#define ENODEV 19
#define EIO 5
#define EBUSY 16
#define NULL_PTR ((void *)0)
#define __init
#define __exit
#define __iomem
#define __maybe_unused __attribute__((unused))
#define __exit_p(x) x
#define MODULE_LICENSE(x) extern int __module_license_dummy
#define MODULE_DEVICE_TABLE(t, n) extern int __module_table_dummy
#define container_of(ptr, type, member) ((type *)((char *)(ptr) - offsetof(type, member)))
#define IS_ERR(p) ((unsigned long)(p) > (unsigned long)-4096)
#define PTR_ERR(p) ((long)(p))
#define ERR_PTR(e) ((void *)(long)(e))
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

struct list_head { struct list_head *next, *prev; };
#define list_for_each_entry_safe(pos, n, head, member) \
	for (pos = container_of((head)->next, __typeof__(*pos), member), \
	     n = container_of(pos->member.next, __typeof__(*pos), member); \
	     &pos->member != (head); \
	     pos = n, n = container_of(n->member.next, __typeof__(*n), member))
void list_del(struct list_head *e);
void list_add_tail(struct list_head *e, struct list_head *h);
void INIT_LIST_HEAD(struct list_head *h);

struct mutex { int x; };
void mutex_lock(struct mutex *m);
void mutex_unlock(struct mutex *m);
struct spinlock { int x; };
void spin_lock(struct spinlock *l);
void spin_unlock(struct spinlock *l);

struct device_node;
struct device { struct device *parent; void *platform_data; const char *init_name;
	struct device_node *of_node; };
struct device_driver { const char *name; const void *of_match_table; const void *pm;
	int (*probe)(struct device *dev); int (*remove)(struct device *dev); };
const char *dev_name(const struct device *dev);
void *dev_get_drvdata(const struct device *dev);
void dev_set_drvdata(struct device *dev, void *data);
int dev_err(const struct device *dev, const char *fmt, ...);
int dev_info(const struct device *dev, const char *fmt, ...);
int dev_err_probe(const struct device *dev, int err, const char *fmt, ...);
void *dev_get_platdata(const struct device *dev);

void *kzalloc(size_t size, gfp_t flags);
void *kmalloc(size_t size, gfp_t flags);
void *kcalloc(size_t n, size_t size, gfp_t flags);
void *kmalloc_array(size_t n, size_t size, gfp_t flags);
char *kstrdup(const char *s, gfp_t gfp);
const char *kstrdup_const(const char *s, gfp_t gfp);
void *kmemdup(const void *src, size_t len, gfp_t gfp);
char *kasprintf(gfp_t gfp, const char *fmt, ...);
void kfree(const void *p);
void kfree_const(const void *p);
void *devm_kzalloc(struct device *dev, size_t size, gfp_t flags);
void *devm_kmalloc(struct device *dev, size_t size, gfp_t flags);
void *devm_kcalloc(struct device *dev, size_t n, size_t size, gfp_t flags);
void *devm_kmalloc_array(struct device *dev, size_t n, size_t size, gfp_t flags);
char *devm_kstrdup(struct device *dev, const char *s, gfp_t gfp);
const char *devm_kstrdup_const(struct device *dev, const char *s, gfp_t gfp);
void *devm_kmemdup(struct device *dev, const void *src, size_t len, gfp_t gfp);
char *devm_kasprintf(struct device *dev, gfp_t gfp, const char *fmt, ...);
void *memcpy(void *d, const void *s, size_t n);
void add_device_randomness(const void *buf, size_t len);

struct resource { resource_size_t start, end; };
struct platform_device { const char *name; int id; struct device dev; struct resource *resource; };
struct platform_device_id { char name[20]; };
struct platform_driver {
	int (*probe)(struct platform_device *);
	int (*remove)(struct platform_device *);
	struct device_driver driver;
	const struct platform_device_id *id_table;
};
void *platform_get_drvdata(const struct platform_device *pdev);
void platform_set_drvdata(struct platform_device *pdev, void *data);
int platform_get_irq(struct platform_device *pdev, unsigned int n);
int platform_driver_register(struct platform_driver *drv);
void platform_driver_unregister(struct platform_driver *drv);
int platform_driver_probe(struct platform_driver *drv, int (*probe)(struct platform_device *));
#define module_platform_driver(drv) \
	static int drv##_init(void) { return platform_driver_register(&drv); } \
	static void __attribute__((unused)) drv##_exit(void) { platform_driver_unregister(&drv); } \
	extern int drv##_dummy
#define module_platform_driver_probe(drv, probe) \
	static int drv##_init(void) { return platform_driver_probe(&drv, probe); } \
	extern int drv##_dummy

struct i2c_client { unsigned short addr; char name[20]; struct device dev; int irq; };
struct i2c_device_id { char name[20]; unsigned long driver_data; };
struct i2c_driver {
	int (*probe)(struct i2c_client *, const struct i2c_device_id *);
	int (*probe_new)(struct i2c_client *);
	void (*remove)(struct i2c_client *);
	struct device_driver driver;
	const struct i2c_device_id *id_table;
};
void *i2c_get_clientdata(const struct i2c_client *c);
void i2c_set_clientdata(struct i2c_client *c, void *data);
int i2c_smbus_read_byte_data(const struct i2c_client *c, u8 cmd);
int i2c_add_driver(struct i2c_driver *d);
void i2c_del_driver(struct i2c_driver *d);
#define module_i2c_driver(drv) \
	static int drv##_init(void) { return i2c_add_driver(&drv); } \
	static void __attribute__((unused)) drv##_exit(void) { i2c_del_driver(&drv); } \
	extern int drv##_dummy

struct spi_device { struct device dev; int irq; u32 max_speed_hz; };
struct spi_driver {
	int (*probe)(struct spi_device *);
	void (*remove)(struct spi_device *);
	struct device_driver driver;
};
void *spi_get_drvdata(const struct spi_device *spi);
void spi_set_drvdata(struct spi_device *spi, void *data);
int spi_setup(struct spi_device *spi);
int spi_register_driver(struct spi_driver *d);
void spi_unregister_driver(struct spi_driver *d);
#define module_spi_driver(drv) \
	static int drv##_init(void) { return spi_register_driver(&drv); } \
	static void __attribute__((unused)) drv##_exit(void) { spi_unregister_driver(&drv); } \
	extern int drv##_dummy

struct pci_dev { struct device dev; unsigned int irq; unsigned short vendor, device; };
struct pci_device_id { unsigned int vendor, device; };
struct pci_driver {
	const char *name;
	const struct pci_device_id *id_table;
	int (*probe)(struct pci_dev *, const struct pci_device_id *);
	void (*remove)(struct pci_dev *);
};
void *pci_get_drvdata(struct pci_dev *pdev);
void pci_set_drvdata(struct pci_dev *pdev, void *data);
int pci_enable_device(struct pci_dev *pdev);
void pci_disable_device(struct pci_dev *pdev);
int pci_register_driver(struct pci_driver *d);
void pci_unregister_driver(struct pci_driver *d);
#define module_pci_driver(drv) \
	static int drv##_init(void) { return pci_register_driver(&drv); } \
	static void __attribute__((unused)) drv##_exit(void) { pci_unregister_driver(&drv); } \
	extern int drv##_dummy

struct usb_device;
struct usb_interface { struct device dev; };
struct usb_device_id { unsigned short idVendor, idProduct; };
struct usb_driver {
	const char *name;
	int (*probe)(struct usb_interface *, const struct usb_device_id *);
	void (*disconnect)(struct usb_interface *);
	const struct usb_device_id *id_table;
};
void *usb_get_intfdata(struct usb_interface *intf);
void usb_set_intfdata(struct usb_interface *intf, void *data);
struct usb_device *interface_to_usbdev(struct usb_interface *intf);
int usb_register(struct usb_driver *d);
void usb_deregister(struct usb_driver *d);
#define module_usb_driver(drv) \
	static int drv##_init(void) { return usb_register(&drv); } \
	static void __attribute__((unused)) drv##_exit(void) { usb_deregister(&drv); } \
	extern int drv##_dummy

struct amba_id { unsigned int id, mask; };
struct amba_device { struct device dev; struct resource res; unsigned int irq[2]; };
struct amba_driver {
	struct device_driver drv;
	int (*probe)(struct amba_device *, const struct amba_id *);
	void (*remove)(struct amba_device *);
	const struct amba_id *id_table;
};
void *amba_get_drvdata(struct amba_device *d);
void amba_set_drvdata(struct amba_device *d, void *data);
int amba_driver_register(struct amba_driver *d);
void amba_driver_unregister(struct amba_driver *d);
#define module_amba_driver(drv) \
	static int drv##_init(void) { return amba_driver_register(&drv); } \
	static void __attribute__((unused)) drv##_exit(void) { amba_driver_unregister(&drv); } \
	extern int drv##_dummy

struct serdev_device { struct device dev; };
struct serdev_device_driver {
	int (*probe)(struct serdev_device *);
	void (*remove)(struct serdev_device *);
	struct device_driver driver;
};
void *serdev_device_get_drvdata(const struct serdev_device *s);
void serdev_device_set_drvdata(struct serdev_device *s, void *data);
int serdev_device_open(struct serdev_device *s);
void serdev_device_close(struct serdev_device *s);
int serdev_device_driver_register(struct serdev_device_driver *d);
void serdev_device_driver_unregister(struct serdev_device_driver *d);
#define module_serdev_device_driver(drv) \
	static int drv##_init(void) { return serdev_device_driver_register(&drv); } \
	static void __attribute__((unused)) drv##_exit(void) { serdev_device_driver_unregister(&drv); } \
	extern int drv##_dummy

struct serio { struct device dev; char name[32]; };
void serio_register_port(struct serio *s);
void serio_unregister_port(struct serio *s);

struct file { void *private_data; };
struct inode { int i_rdev; };

/* Added for the golden cases beyond the first one. */
void *krealloc(const void *p, size_t new_size, gfp_t flags);
void pm_runtime_enable(struct device *dev);
void pm_runtime_disable(struct device *dev);

struct dev_pm_ops {
	int (*suspend)(struct device *dev);
	int (*resume)(struct device *dev);
};

struct file_operations {
	int (*open)(struct inode *inode, struct file *file);
	int (*release)(struct inode *inode, struct file *file);
	long (*unlocked_ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
};
#define module_init(fn) int (*__module_init_ptr)(void) = fn
#define module_exit(fn) void (*__module_exit_ptr)(void) = fn

struct miscdevice { int minor; const char *name; };
int misc_register(struct miscdevice *m);
void misc_deregister(struct miscdevice *m);

int request_irq(unsigned int irq, int (*handler)(int, void *), unsigned long flags,
		const char *name, void *dev_id);
void free_irq(unsigned int irq, void *dev_id);
int pmicx_irq_request(void *pmic, int irq, int (*handler)(int, void *), const char *name,
		      void *data);
void pmicx_irq_free(void *pmic, int irq, void *data);

struct input_dev { const char *name; };
struct input_dev *input_allocate_device(void);
void input_free_device(struct input_dev *dev);
int input_register_device(struct input_dev *dev);
void input_unregister_device(struct input_dev *dev);

void *of_ioremap(struct resource *res, unsigned long offset, unsigned long size, const char *name);
void of_iounmap(struct resource *res, void *base, unsigned long size);
void *ioremap(resource_size_t offset, unsigned long size);
void iounmap(void *addr);

struct work_struct { long data; void (*func)(struct work_struct *work); };
#define INIT_WORK(w, f) ((w)->func = (f))
int schedule_work(struct work_struct *work);
int cancel_work_sync(struct work_struct *work);

/* -- beyond memory: the unmanaged APIs devmify converts and their managed forms -- */
typedef int irqreturn_t;
typedef irqreturn_t (*irq_handler_t)(int, void *);
#define IRQ_HANDLED 1
#define IRQ_NONE 0
#define IRQF_SHARED 0x80ul
#define IRQF_ONESHOT 0x2000ul
int request_threaded_irq(unsigned int irq, irq_handler_t handler, irq_handler_t thread_fn,
			 unsigned long flags, const char *name, void *dev_id);
int request_any_context_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
			    const char *name, void *dev_id);
int devm_request_irq(struct device *dev, unsigned int irq, irq_handler_t handler,
		     unsigned long flags, const char *name, void *dev_id);
int devm_request_threaded_irq(struct device *dev, unsigned int irq, irq_handler_t handler,
			      irq_handler_t thread_fn, unsigned long flags, const char *name,
			      void *dev_id);
int devm_request_any_context_irq(struct device *dev, unsigned int irq, irq_handler_t handler,
				 unsigned long flags, const char *name, void *dev_id);

void *ioremap_wc(resource_size_t offset, unsigned long size);
void *devm_ioremap(struct device *dev, resource_size_t offset, resource_size_t size);
void *devm_ioremap_wc(struct device *dev, resource_size_t offset, resource_size_t size);
void *ioport_map(unsigned long port, unsigned int nr);
void ioport_unmap(void *addr);
void *devm_ioport_map(struct device *dev, unsigned long port, unsigned int nr);
unsigned int ioread32(const void *addr);
void iowrite32(unsigned int value, void *addr);
unsigned int readl(const void *addr);
void writel(unsigned int value, void *addr);

struct resource *request_mem_region(resource_size_t start, resource_size_t n, const char *name);
struct resource *request_region(resource_size_t start, resource_size_t n, const char *name);
void release_mem_region(resource_size_t start, resource_size_t n);
void release_region(resource_size_t start, resource_size_t n);
struct resource *devm_request_mem_region(struct device *dev, resource_size_t start,
					 resource_size_t n, const char *name);
struct resource *devm_request_region(struct device *dev, resource_size_t start,
				     resource_size_t n, const char *name);
resource_size_t resource_size(const struct resource *res);
#define IORESOURCE_MEM 0x200
#define IORESOURCE_IO 0x100
struct resource *platform_get_resource(struct platform_device *pdev, unsigned int type,
				       unsigned int n);

void *dma_alloc_coherent(struct device *dev, size_t size, dma_addr_t *handle, gfp_t gfp);
void dma_free_coherent(struct device *dev, size_t size, void *cpu_addr, dma_addr_t handle);
void *dmam_alloc_coherent(struct device *dev, size_t size, dma_addr_t *handle, gfp_t gfp);
struct dma_pool;
struct dma_pool *dma_pool_create(const char *name, struct device *dev, size_t size,
				 size_t align, size_t boundary);
struct dma_pool *dmam_pool_create(const char *name, struct device *dev, size_t size,
				  size_t align, size_t boundary);
void dma_pool_destroy(struct dma_pool *pool);

int pcim_enable_device(struct pci_dev *pdev);
int pci_request_regions(struct pci_dev *pdev, const char *name);
void pci_release_regions(struct pci_dev *pdev);
void *pci_iomap(struct pci_dev *pdev, int bar, unsigned long maxlen);
void pci_iounmap(struct pci_dev *pdev, void *addr);
void *pcim_iomap(struct pci_dev *pdev, int bar, unsigned long maxlen);
void pci_set_master(struct pci_dev *pdev);

struct clk;
struct clk *clk_get(struct device *dev, const char *id);
struct clk *devm_clk_get(struct device *dev, const char *id);
void clk_put(struct clk *clk);
int clk_prepare_enable(struct clk *clk);
void clk_disable_unprepare(struct clk *clk);
unsigned long clk_get_rate(struct clk *clk);

struct regulator;
struct regulator *regulator_get(struct device *dev, const char *id);
struct regulator *devm_regulator_get(struct device *dev, const char *id);
void regulator_put(struct regulator *r);
int regulator_enable(struct regulator *r);
int regulator_disable(struct regulator *r);

int gpio_request(unsigned int gpio, const char *label);
int devm_gpio_request(struct device *dev, unsigned int gpio, const char *label);
void gpio_free(unsigned int gpio);
void gpio_set_value(unsigned int gpio, int value);
struct gpio_desc;
enum gpiod_flags { GPIOD_ASIS, GPIOD_IN, GPIOD_OUT_LOW, GPIOD_OUT_HIGH };
struct gpio_desc *gpiod_get(struct device *dev, const char *con_id, enum gpiod_flags flags);
struct gpio_desc *devm_gpiod_get(struct device *dev, const char *con_id, enum gpiod_flags flags);
void gpiod_put(struct gpio_desc *desc);
void gpiod_set_value(struct gpio_desc *desc, int value);

struct input_dev *devm_input_allocate_device(struct device *dev);
void input_report_key(struct input_dev *dev, unsigned int code, int value);
void input_sync(struct input_dev *dev);

struct iio_dev { int modes; const void *info; const char *name; };
struct iio_dev *iio_device_alloc(struct device *parent, int sizeof_priv);
struct iio_dev *devm_iio_device_alloc(struct device *parent, int sizeof_priv);
void iio_device_free(struct iio_dev *indio_dev);
void *iio_priv(const struct iio_dev *indio_dev);
int iio_device_register(struct iio_dev *indio_dev);
int devm_iio_device_register(struct device *dev, struct iio_dev *indio_dev);
void iio_device_unregister(struct iio_dev *indio_dev);

struct hwmon_chip_info;
struct device *hwmon_device_register_with_info(struct device *dev, const char *name, void *drvdata,
					       const struct hwmon_chip_info *chip, const void *groups);
struct device *devm_hwmon_device_register_with_info(struct device *dev, const char *name,
						    void *drvdata,
						    const struct hwmon_chip_info *chip,
						    const void *groups);
void hwmon_device_unregister(struct device *dev);

struct watchdog_device { const char *identity; struct device *parent; };
int watchdog_register_device(struct watchdog_device *wdd);
int devm_watchdog_register_device(struct device *dev, struct watchdog_device *wdd);
void watchdog_unregister_device(struct watchdog_device *wdd);

enum led_brightness { LED_OFF = 0, LED_ON = 1, LED_HALF = 127, LED_FULL = 255 };
struct led_classdev {
	const char *name;
	unsigned int max_brightness;
	const char *default_trigger;
	void (*brightness_set)(struct led_classdev *led_cdev, enum led_brightness brightness);
	int (*brightness_set_blocking)(struct led_classdev *led_cdev,
				       enum led_brightness brightness);
};
int led_classdev_register(struct device *parent, struct led_classdev *led);
int devm_led_classdev_register(struct device *parent, struct led_classdev *led);
void led_classdev_unregister(struct led_classdev *led);

u8 inb(unsigned long port);
void outb(u8 value, unsigned long port);

/* registrations: input, IIO, hwmon and watchdog details the cases use */
typedef unsigned short umode_t;
#define EV_KEY 0x01
#define KEY_POWER 116
#define KEY_F1 59
void input_set_capability(struct input_dev *dev, unsigned int type, unsigned int code);
void input_set_drvdata(struct input_dev *dev, void *data);
void *input_get_drvdata(struct input_dev *dev);
int input_setup_polling(struct input_dev *dev, void (*poll_fn)(struct input_dev *dev));
void input_set_poll_interval(struct input_dev *dev, unsigned int interval);

#define INDIO_DIRECT_MODE 0x01
#define IIO_VAL_INT 1
#define IIO_CHAN_INFO_RAW 0
struct iio_chan_spec { int type; int channel; };
struct iio_info {
	int (*read_raw)(struct iio_dev *indio_dev, struct iio_chan_spec const *chan,
			int *val, int *val2, long mask);
};

enum hwmon_sensor_types { hwmon_chip, hwmon_temp, hwmon_in };
struct hwmon_ops {
	umode_t (*is_visible)(const void *drvdata, enum hwmon_sensor_types type, u32 attr,
			      int channel);
	int (*read)(struct device *dev, enum hwmon_sensor_types type, u32 attr, int channel,
		    long *val);
};
struct hwmon_chip_info { const struct hwmon_ops *ops; const void *const *info; };

void watchdog_set_drvdata(struct watchdog_device *wdd, void *data);
void *watchdog_get_drvdata(struct watchdog_device *wdd);

void *devm_ioremap_resource(struct device *dev, const struct resource *res);
void *devm_platform_ioremap_resource(struct platform_device *pdev, unsigned int index);
void *devm_platform_ioremap_resource_byname(struct platform_device *pdev, const char *name);
int clk_set_rate(struct clk *clk, unsigned long rate);
struct clk *devm_clk_get_enabled(struct device *dev, const char *id);
struct clk *devm_clk_get_optional_enabled(struct device *dev, const char *id);
int devm_add_action_or_reset(struct device *dev, void (*action)(void *), void *data);
int i2c_smbus_write_byte_data(const struct i2c_client *c, u8 cmd, u8 value);
int clk_enable(struct clk *clk);
void clk_disable(struct clk *clk);
/* As with CONFIG_PM unset: the callbacks stay, marked __maybe_unused. */
#define SET_RUNTIME_PM_OPS(suspend_fn, resume_fn, idle_fn)
int release_resource(struct resource *old);

struct gpio_chip { const char *label; unsigned short ngpio; int (*get)(struct gpio_chip *gc, unsigned int offset); };
int gpiochip_add_data(struct gpio_chip *gc, void *data);
int devm_gpiochip_add_data(struct device *dev, struct gpio_chip *gc, void *data);
void gpiochip_remove(struct gpio_chip *gc);
void *gpiochip_get_data(struct gpio_chip *gc);
struct pwm_chip { struct device *dev; unsigned int npwm; };
int pwmchip_add(struct pwm_chip *chip);
int devm_pwmchip_add(struct device *dev, struct pwm_chip *chip);
void pwmchip_remove(struct pwm_chip *chip);
struct clk_init_data;
struct clk_hw { const struct clk_init_data *init; };
struct clk_ops { int (*enable)(struct clk_hw *hw); };
int clk_hw_register(struct device *dev, struct clk_hw *hw);
int devm_clk_hw_register(struct device *dev, struct clk_hw *hw);
void clk_hw_unregister(struct clk_hw *hw);

struct net_device { char name[16]; struct device dev; };
struct net_device *alloc_etherdev(int sizeof_priv);
struct net_device *devm_alloc_etherdev(struct device *dev, int sizeof_priv);
void *netdev_priv(const struct net_device *dev);
int register_netdev(struct net_device *dev);
int devm_register_netdev(struct device *dev, struct net_device *ndev);
void unregister_netdev(struct net_device *dev);
void free_netdev(struct net_device *dev);
struct mii_bus { const char *name; void *priv; struct device *parent; };
struct mii_bus *mdiobus_alloc(void);
struct mii_bus *devm_mdiobus_alloc(struct device *dev);
void mdiobus_free(struct mii_bus *bus);
int mdiobus_register(struct mii_bus *bus);
int devm_mdiobus_register(struct device *dev, struct mii_bus *bus);
void mdiobus_unregister(struct mii_bus *bus);

/* managed regulator enable, and a handle use that keeps the regulator's handle alive */
int devm_regulator_get_enable(struct device *dev, const char *id);
int regulator_get_voltage(struct regulator *r);

/* a class device devmify knows a managed form of but does not convert */
struct backlight_device;
struct backlight_ops { int (*update_status)(struct backlight_device *bd); };
struct backlight_device *backlight_device_register(const char *name, struct device *dev, void *devdata,
						   const struct backlight_ops *ops, const void *props);
void backlight_device_unregister(struct backlight_device *bd);
static inline int PTR_ERR_OR_ZERO(const void *ptr) { return IS_ERR(ptr) ? (int)PTR_ERR(ptr) : 0; }
#define IIO_CHAN_INFO_SCALE 2
#define IIO_VAL_FRACTIONAL_LOG2 11

/* wakeup sources, runtime PM, OF providers and children, bus controllers, LEDs, mutexes */
int device_wakeup_enable(struct device *dev);
int device_wakeup_disable(struct device *dev);

/* registrations2: device tree nodes */
struct device_node { const char *name; };
struct device_node *dev_of_node(struct device *dev);
struct device_node *of_get_child_by_name(const struct device_node *np, const char *name);
void of_node_put(struct device_node *np);
struct of_device_id { char compatible[128]; const void *data; };
struct of_dev_auxdata;
int of_platform_populate(struct device_node *root, const struct of_device_id *matches,
			 const struct of_dev_auxdata *lookup, struct device *parent);
int devm_of_platform_populate(struct device *dev);
void of_platform_depopulate(struct device *parent);
#define BIT(n) (1u << (n))

/* registrations2: clock providers */
struct clk_init_data {
	const char *name;
	const struct clk_ops *ops;
	const char *const *parent_names;
	u8 num_parents;
	unsigned long flags;
};
struct of_phandle_args { struct device_node *np; int args_count; u32 args[16]; };
struct clk_hw *of_clk_hw_simple_get(struct of_phandle_args *clkspec, void *data);
int of_clk_add_hw_provider(struct device_node *np,
			   struct clk_hw *(*get)(struct of_phandle_args *clkspec, void *data),
			   void *data);
int devm_of_clk_add_hw_provider(struct device *dev,
				struct clk_hw *(*get)(struct of_phandle_args *clkspec, void *data),
				void *data);
void of_clk_del_provider(struct device_node *np);

/* registrations2: SPI controllers (6.1 names; spi_master is the old name) */
struct spi_transfer { const void *tx_buf; void *rx_buf; unsigned int len; u32 speed_hz; };
struct spi_controller {
	struct device dev;
	short bus_num;
	u16 num_chipselect;
	u32 mode_bits;
	u32 max_speed_hz;
	int (*setup)(struct spi_device *spi);
	void (*set_cs)(struct spi_device *spi, bool enable);
	int (*transfer_one)(struct spi_controller *ctlr, struct spi_device *spi,
			    struct spi_transfer *xfer);
};
#define spi_master spi_controller
#define SPI_CPHA 0x01
#define SPI_CPOL 0x02
#define SPI_CS_HIGH 0x04
struct spi_controller *spi_alloc_master(struct device *host, unsigned int size);
struct spi_controller *devm_spi_alloc_master(struct device *dev, unsigned int size);
void *spi_controller_get_devdata(struct spi_controller *ctlr);
void spi_controller_set_devdata(struct spi_controller *ctlr, void *data);
void *spi_master_get_devdata(struct spi_controller *ctlr);
void spi_master_set_devdata(struct spi_controller *ctlr, void *data);
void spi_controller_put(struct spi_controller *ctlr);
void spi_master_put(struct spi_controller *ctlr);
int spi_register_controller(struct spi_controller *ctlr);
int devm_spi_register_controller(struct device *dev, struct spi_controller *ctlr);
void spi_unregister_controller(struct spi_controller *ctlr);
int spi_register_master(struct spi_controller *ctlr);
int devm_spi_register_master(struct device *dev, struct spi_controller *ctlr);
void spi_unregister_master(struct spi_controller *ctlr);

/* registrations2: I2C adapters */
struct module;
#define THIS_MODULE ((struct module *)0)
struct i2c_adapter;
struct i2c_msg { u16 addr; u16 flags; u16 len; u8 *buf; };
#define I2C_M_RD 0x0001
#define I2C_FUNC_I2C 0x00000001
#define I2C_FUNC_SMBUS_EMUL 0x0eff0008
struct i2c_algorithm {
	int (*master_xfer)(struct i2c_adapter *adap, struct i2c_msg *msgs, int num);
	u32 (*functionality)(struct i2c_adapter *adap);
};
struct i2c_adapter {
	struct module *owner;
	unsigned int class;
	const struct i2c_algorithm *algo;
	struct device dev;
	int nr;
	char name[48];
};
void i2c_set_adapdata(struct i2c_adapter *adap, void *data);
void *i2c_get_adapdata(const struct i2c_adapter *adap);
int i2c_add_adapter(struct i2c_adapter *adap);
int devm_i2c_add_adapter(struct device *dev, struct i2c_adapter *adap);
void i2c_del_adapter(struct i2c_adapter *adap);


/* lifecycle: runtime PM, mutexes, clock prepare, optional supplies */
int pm_runtime_set_active(struct device *dev);
void pm_runtime_set_suspended(struct device *dev);
int devm_pm_runtime_enable(struct device *dev);
void pm_runtime_use_autosuspend(struct device *dev);
void pm_runtime_dont_use_autosuspend(struct device *dev);
void pm_runtime_set_autosuspend_delay(struct device *dev, int delay);
int pm_runtime_resume_and_get(struct device *dev);
void pm_runtime_mark_last_busy(struct device *dev);
int pm_runtime_put(struct device *dev);
int pm_runtime_put_autosuspend(struct device *dev);
#ifndef mutex_init
void mutex_init(struct mutex *lock);
#endif
#ifndef mutex_destroy
void mutex_destroy(struct mutex *lock);
#endif
#ifndef devm_mutex_init
int devm_mutex_init(struct device *dev, struct mutex *lock);
#endif
int clk_prepare(struct clk *clk);
void clk_unprepare(struct clk *clk);
struct clk *devm_clk_get_prepared(struct device *dev, const char *id);
struct regulator *regulator_get_optional(struct device *dev, const char *id);
struct regulator *devm_regulator_get_optional(struct device *dev, const char *id);
int devm_regulator_get_enable_optional(struct device *dev, const char *id);
#define to_i2c_client(d) container_of(d, struct i2c_client, dev)
#define MISC_DYNAMIC_MINOR 255

/* irq, lifecycle: an I2C dummy client at a second address, SPI transfers for IIO DACs */
#define to_i2c_adapter(d) container_of(d, struct i2c_adapter, dev)
struct i2c_client *i2c_new_dummy_device(struct i2c_adapter *adapter, u16 address);
struct i2c_client *devm_i2c_new_dummy_device(struct device *dev, struct i2c_adapter *adapter,
					     u16 address);
void i2c_unregister_device(struct i2c_client *client);
int i2c_smbus_read_byte(const struct i2c_client *client);
int spi_write(struct spi_device *spi, const void *buf, size_t len);
int spi_read(struct spi_device *spi, void *buf, size_t len);
struct i2c_client *i2c_new_ancillary_device(struct i2c_client *client, const char *name, u16 default_addr);
struct dvb_frontend { void *demodulator_priv; int refcount; }; /* 6.1: a struct kref */
